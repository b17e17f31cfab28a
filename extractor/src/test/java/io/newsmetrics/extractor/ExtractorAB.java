package io.newsmetrics.extractor;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;

/**
 * A/B CPU cost of two builds of the extractor in one JVM: each build is loaded by its own class loader from its
 * class path (a fat jar such as {@code launcher/target/newsmetrics.jar} of the older commit, or
 * {@code target/classes} plus dependencies), and passes over the article-extraction true bodies alternate between
 * them, so both see the same machine load; the median of the per-pair ratios is the figure to trust on a shared,
 * noisy machine, where separate runs differ by more than the change being measured.
 *
 * <p>Usage: {@code ExtractorAB SHARED_DIR BASE_CLASSPATH NEW_CLASSPATH PASSES [recognize]}.
 */
public final class ExtractorAB {
    private ExtractorAB() {
    }

    private static final class Side {
        private final Object target;
        private final Method call;
        private final List<Object> articles = new ArrayList<>();
        private Method text;

        Side(String cp, List<String[]> docs, boolean recognize) throws Exception {
            ClassLoader cl = loader(cp);
            Class<?> art = cl.loadClass("io.newsmetrics.model.Article");
            Method of = art.getMethod("of", String.class, String.class, String.class, String.class);
            for (String[] d : docs) articles.add(of.invoke(null, d[0], null, "2019-11-20", d[1]));
            if (recognize) {
                Class<?> r = cl.loadClass("io.newsmetrics.extractor.quantity.QuantityRecognizer");
                target = r.getMethod("create").invoke(null);
                call = r.getMethod("recognize", String.class);
            } else {
                Class<?> x = cl.loadClass("io.newsmetrics.extractor.fact.MetricExtractor");
                target = x.getMethod("create").invoke(null);
                call = x.getMethod("extract", art);
            }
        }

        long pass(boolean recognize) throws Exception {
            long sink = 0;
            for (Object a : articles) {
                Object arg = a;
                if (recognize) {
                    if (text == null) {
                        text = a.getClass().getMethod("text");
                    }
                    arg = text.invoke(a);
                }
                sink += ((List<?>) call.invoke(target, arg)).size();
            }
            return sink;
        }
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 4) {
            System.err.println("usage: ExtractorAB SHARED_DIR BASE_CLASSPATH NEW_CLASSPATH PASSES [recognize]");
            System.exit(2);
        }
        boolean recognize = args.length > 4 && args[4].equals("recognize");
        List<String[]> docs = documents(Path.of(args[0]), loader(args[2]));
        Side a = new Side(args[1], docs, recognize);
        Side b = new Side(args[2], docs, recognize);
        int passes = Integer.parseInt(args[3]);
        ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        for (int w = 0; w < passes / 2; w++) { // warm-up
            a.pass(recognize);
            b.pass(recognize);
        }
        double[] ta = new double[passes];
        double[] tb = new double[passes];
        double[] ratio = new double[passes];
        for (int p = 0; p < passes; p++) {
            boolean aFirst = p % 2 == 0; // alternate the order too
            for (int k = 0; k < 2; k++) {
                Side s = (k == 0) == aFirst ? a : b;
                long c0 = bean.getCurrentThreadCpuTime();
                s.pass(recognize);
                double us = (bean.getCurrentThreadCpuTime() - c0) / 1e3 / docs.size();
                if (s == a) {
                    ta[p] = us;
                } else {
                    tb[p] = us;
                }
            }
            ratio[p] = tb[p] / ta[p];
        }
        Arrays.sort(ta);
        Arrays.sort(tb);
        Arrays.sort(ratio);
        System.out.printf("%s: base median %.0f us CPU/article (min %.0f), new median %.0f us (min %.0f),"
                + " new/base median ratio %.3f (IQR %.3f-%.3f)%n", recognize ? "recognize" : "extract",
                ta[passes / 2], ta[0], tb[passes / 2], tb[0], ratio[passes / 2], ratio[passes / 4],
                ratio[3 * passes / 4]);
    }

    static ClassLoader loader(String classPath) throws Exception {
        List<URL> urls = new ArrayList<>();
        for (String p : classPath.split(":")) {
            if (!p.isEmpty()) {
                urls.add(Path.of(p).toUri().toURL());
            }
        }
        return new URLClassLoader(urls.toArray(new URL[0]), ClassLoader.getPlatformClassLoader());
    }

    /** URL and body of each true body, read with the Jackson of {@code cl} (this class sees no project class). */
    private static List<String[]> documents(Path shared, ClassLoader cl) throws Exception {
        String json = Files.readString(shared.resolve("eval/article-extraction/ground-truth.json"));
        Object mapper = cl.loadClass("io.newsmetrics.model.Json").getMethod("mapper").invoke(null);
        Object root = mapper.getClass().getMethod("readTree", String.class).invoke(mapper, json);
        Iterator<?> it = (Iterator<?>) root.getClass().getMethod("elements").invoke(root);
        List<String[]> docs = new ArrayList<>();
        while (it.hasNext()) {
            Object n = it.next();
            Method path = n.getClass().getMethod("path", String.class);
            Object url = path.invoke(n, "url");
            Object body = path.invoke(n, "articleBody");
            Method asText = url.getClass().getMethod("asText", String.class);
            docs.add(new String[]{(String) asText.invoke(url, "https://example.test/"), (String) asText.invoke(body, "")});
        }
        return docs;
    }
}
