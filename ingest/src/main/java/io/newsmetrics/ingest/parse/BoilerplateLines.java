package io.newsmetrics.ingest.parse;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Recognizes single lines that widgets, players and calls to action put between or after article
 * paragraphs: "Advertisement", "Like this:", "Caption", "Close", "Sign up for our newsletter",
 * cookie statements, bare e-mail addresses or links, video time codes. Only short lines are
 * judged, so that an article paragraph that mentions such words stays.
 */
final class BoilerplateLines {
    /** Whole-line labels of page furniture, in the languages news sites most often use. */
    private static final Pattern LABEL = Pattern.compile(
            "(?iu)^(advert\\w*|advertisement|anzeige|werbung|publicidad|publicité|pubblicità|publicidade|реклама|iklan|"
                    + "sponsored( content)?|caption|close|text size|loading\\W*|share( this( article| story)?)?:?|"
                    + "like this:?|sukai ini:?|print( this( article| page)?)?|e-?mail( this)?|tweet|comments?|"
                    + "related( content| articles| stories| posts| news)?:?|you may also like.*|you might also like.*|"
                    + "don'?t miss:?|popular on .*|more on this( story)?|read more.*|read next.*|see also.*|"
                    + "also read.*|trending( now)?|most (popular|read|viewed)|top stories|back to top|skip to .*|"
                    + "leer más|lire aussi|leia também|mehr zum thema|weiterlesen|tags?:.*|topics?:.*|filed under.*|"
                    + "posted in .*|leave a (comment|reply)|watch:.*|listen:.*|image:.*|photo:.*|credit:.*)$");
    /** Beginnings of calls to action and site notices. */
    private static final Pattern CALL = Pattern.compile(
            "(?iu)^(sign up|subscribe|follow us|get the latest|get our|let our news|this slideshow requires|"
                    + "click here|reading time|tempo de leitura|lesezeit|temps de lecture|all rights reserved|"
                    + "copyright|©|\\(c\\) ?\\d{4}|we use cookies|this (web)?site uses cookies|"
                    + "continue reading|download the app|enable javascript|javascript is disabled|"
                    + "(posted|published|publicado|publicada|publié|veröffentlicht|pubblicato) (by|por|par|von|da):?)");
    private static final Pattern COOKIE_NOTICE = Pattern.compile(
            "(?iu)cookie.*(website|site|browsing|consent|accept|privacy|settings)|"
                    + "(website|site|browsing|consent|accept|privacy|settings).*cookie");
    private static final Pattern BARE_LINK = Pattern.compile(
            "(?iu)^([\\w.+-]+@[\\w-]+(\\.[\\w-]+)+|(https?://|www\\.|twitter\\.com/|@)\\S+)$");
    private static final Pattern TIME_CODE = Pattern.compile("(?iu)^(video|watch|play)?\\s*(\\d{1,2}:\\d{2})+$");
    private static final int LABEL_CHARS = 60;
    private static final int CALL_CHARS = 160;
    private static final int NOTICE_CHARS = 400;

    private BoilerplateLines() {
    }

    /** Whether a normalized paragraph is page furniture rather than article text. */
    static boolean matches(String paragraph) {
        String p = paragraph.strip();
        int n = p.length();
        if (n == 0) {
            return true;
        }
        if (n <= LABEL_CHARS && (LABEL.matcher(p).matches() || BARE_LINK.matcher(p).matches()
                || TIME_CODE.matcher(p).matches())) {
            return true;
        }
        if (n <= CALL_CHARS && CALL.matcher(p).find()) {
            return true;
        }
        return n <= NOTICE_CHARS && p.toLowerCase(Locale.ROOT).contains("cookie") && COOKIE_NOTICE.matcher(p).find();
    }
}
