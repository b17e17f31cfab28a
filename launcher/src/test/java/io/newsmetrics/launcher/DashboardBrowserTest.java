package io.newsmetrics.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import io.newsmetrics.ingest.UrlPublisher;
import io.newsmetrics.model.UrlRequest;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The dashboard as a user sees it, in a real headless Chromium against a running pipeline: the table of
 * latest values, the filter, and a click that opens an indicator's history chart with each point linked
 * to its source. CI installs Chromium; where no browser is installed the test is skipped.
 */
class DashboardBrowserTest {
    private static final Duration WAIT = Duration.ofSeconds(60);

    @Test
    void shouldShowIndicatorsFilterThemAndChartTheHistoryOfOne(@TempDir Path dir) throws Exception {
        Path chromium = HeadlessChromium.find().orElse(null);
        Assumptions.assumeTrue(chromium != null, "no Chromium installed (apt-get install chromium)");
        HttpServer site = EndToEndScenario.serveSeedPage();
        try (Pipeline pipeline = Pipeline.start(EndToEndScenario.config(dir.resolve("data")))) {
            String pageUrl = "http://127.0.0.1:" + site.getAddress().getPort() + "/news/china-ai-industry-2024.html";
            try (UrlPublisher publisher = UrlPublisher.create(pipeline.bootstrapServers())) {
                publisher.publish(UrlRequest.of(pageUrl));
            }
            String api = "http://127.0.0.1:" + pipeline.httpPort();
            JsonNode industry = EndToEndScenario.awaitIndicator(api, n -> EndToEndScenario.number(n, "value") == 7e11);
            String key = EndToEndScenario.text(industry, "key");

            try (HeadlessChromium browser = HeadlessChromium.launch(chromium, dir.resolve("profile"))) {
                browser.navigate(api + "/");
                String table = browser.await("document.querySelector('#rows') && document.querySelector('#rows').innerText"
                        + ".includes('" + key + "') && document.querySelector('#rows').innerText", WAIT).asText();
                assertTrue(table.contains("CNY"), table);
                assertTrue(table.contains("2024"), table);
                // the page refreshes itself while the pipeline is still aggregating the article's facts
                int rows = browser.await("document.querySelectorAll('#rows tr').length >= 8 && "
                        + "document.querySelectorAll('#rows tr').length", WAIT).asInt();
                assertTrue(rows >= 8, "the seed article gives many indicators, saw " + rows);

                browser.evaluate("document.querySelector('#subject').value = 'DeepSeek';"
                        + "document.querySelector('#go').click(); true");
                browser.await("[...document.querySelectorAll('#rows tr')].length > 0 && "
                        + "[...document.querySelectorAll('#rows tr')].every(r => r.innerText.includes('DeepSeek'))", WAIT);
                int filtered = browser.evaluate("document.querySelectorAll('#rows tr').length").asInt();
                assertTrue(filtered < rows, "the filter narrows the table: " + filtered + " of " + rows);

                browser.evaluate("document.querySelector('#subject').value = '';"
                        + "document.querySelector('#go').click(); true");
                browser.await("[...document.querySelectorAll('#rows tr')].some(r => r.innerText.includes('" + key + "'))", WAIT);
                browser.evaluate("[...document.querySelectorAll('#rows tr')].find(r => r.innerText.includes('" + key
                        + "')).click(); true");
                browser.await("!document.querySelector('#detail').hidden && "
                        + "document.querySelectorAll('#chart a').length > 0", WAIT);
                String link = browser.evaluate("document.querySelector('#chart a').getAttribute('href')"
                        + " || document.querySelector('#chart a').getAttributeNS('http://www.w3.org/1999/xlink', 'href')").asText();
                assertEquals(pageUrl, link.contains("#") ? link.substring(0, link.indexOf('#')) : link,
                        "each chart point links to its source");
                String observations = browser.evaluate("document.querySelector('#obs').innerText").asText();
                assertTrue(observations.contains("exceeded 700 billion yuan"), "the source sentence is shown: " + observations);
                assertFalse(browser.evaluate("document.querySelector('#status').innerText").asText()
                        .toLowerCase().contains("error"), "no error shown");
            }
        } finally {
            site.stop(0);
        }
    }
}
