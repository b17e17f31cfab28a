package io.newsmetrics.launcher;

import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;

/** The {@code newsmetrics} command line: one entry point for every service and offline tool. */
@Command(name = "newsmetrics", mixinStandardHelpOptions = true, versionProvider = NewsMetrics.Version.class,
        description = "News articles in, a live, queryable stream of numeric indicators out (Apache Kafka).",
        subcommands = {
                UpCommand.class, IngestCommand.class, QueryCommand.class, ExtractCommand.class, ParseCommand.class,
                QuantitiesCommand.class, ReprocessCommand.class, io.newsmetrics.launcher.eval.EvalCommand.class, ServiceCommand.Ingest.class, ServiceCommand.Extractor.class,
                ServiceCommand.Aggregator.class, CommandLine.HelpCommand.class})
public final class NewsMetrics implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs a command line and returns its exit code; what tests call. */
    public static int execute(String... args) {
        return commandLine().execute(args);
    }

    static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new NewsMetrics());
        cli.setDefaultValueProvider(new EnvironmentDefaults(System.getenv()));
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            PrintWriter err = commandLine.getErr();
            err.println("newsmetrics " + commandLine.getCommandName() + ": error: " + describe(e));
            if (System.getenv("NEWSMETRICS_DEBUG") != null) {
                e.printStackTrace(err);
            }
            err.flush();
            return 1;
        });
        return cli;
    }

    private static String describe(Throwable e) {
        StringBuilder out = new StringBuilder(String.valueOf(e.getMessage() == null ? e : e.getMessage()));
        for (Throwable cause = e.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            if (cause.getMessage() != null && !out.toString().contains(cause.getMessage())) {
                out.append(": ").append(cause.getMessage());
            }
        }
        return out.toString();
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The version from the jar manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = NewsMetrics.class.getPackage().getImplementationVersion();
            return new String[]{"newsmetrics " + (v == null ? "development build" : v)};
        }
    }
}
