package io.newsmetrics.ingest.parse;

import org.junit.jupiter.api.Test;

import static io.newsmetrics.ingest.parse.ClassNames.Verdict.ARTICLE;
import static io.newsmetrics.ingest.parse.ClassNames.Verdict.NEUTRAL;
import static io.newsmetrics.ingest.parse.ClassNames.Verdict.STRONG_BOILERPLATE;
import static io.newsmetrics.ingest.parse.ClassNames.Verdict.WEAK_BOILERPLATE;
import static org.junit.jupiter.api.Assertions.assertEquals;

class ClassNamesTest {
    private final ClassNames names = new ClassNames();

    @Test
    void judgesShareBarsCommentsAndRelatedLinksAsStrongBoilerplate() {
        assertEquals(STRONG_BOILERPLATE, names.judge("share-bar"));
        assertEquals(STRONG_BOILERPLATE, names.judge("comments"));
        assertEquals(STRONG_BOILERPLATE, names.judge("related-links"));
        assertEquals(STRONG_BOILERPLATE, names.judge("socialShareButtons"));
        assertEquals(STRONG_BOILERPLATE, names.judge("read-more-box"));
        assertEquals(STRONG_BOILERPLATE, names.judge("more-news"));
    }

    @Test
    void judgesLayoutWordsAsWeakBoilerplate() {
        assertEquals(WEAK_BOILERPLATE, names.judge("sidebar"));
        assertEquals(WEAK_BOILERPLATE, names.judge("pg-side-of-rail"));
        assertEquals(WEAK_BOILERPLATE, names.judge("paywall"));
    }

    @Test
    void keepsArticleContainersDespiteBoilerplateNeighbourTokens() {
        assertEquals(ARTICLE, names.judge("article-body share-tools"));
        assertEquals(ARTICLE, names.judge("entry-content"));
        assertEquals(ARTICLE, names.judge("story"));
    }

    @Test
    void treatsEmbeddedPostsAsContent() {
        assertEquals(NEUTRAL, names.judge("twitter-tweet"));
        assertEquals(NEUTRAL, names.judge("social-media-embed"));
    }

    @Test
    void readsWordsNotSubstrings() {
        assertEquals(NEUTRAL, names.judge("shadow"));
        assertEquals(NEUTRAL, names.judge("loaded"));
        assertEquals(NEUTRAL, names.judge(""));
    }
}
