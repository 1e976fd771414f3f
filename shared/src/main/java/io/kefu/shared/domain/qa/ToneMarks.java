package io.kefu.shared.domain.qa;

/**
 * Signs of tone outside the words, read on the raw sentence (the normaliser drops punctuation and emoji):
 * shouting punctuation, capitals and negative emoji. Puzzlement ("??", "？？？") is not shouting: the labelling
 * guide counts it as not upset.
 */
final class ToneMarks {
    private static final int SHOUTED_WORD_MIN = 3;
    private static final int SHOUTED_LONG_WORD_MIN = 6;
    private static final int STRETCHED_WORD_MIN = 4;
    private static final int STRETCHED_HOLD = 3;

    /** Faces and gestures of anger, exasperation or distress; a smile, a laugh or a wink is none of them. */
    private static final int[] NEGATIVE_EMOJI = {
        0x1F620, 0x1F621, 0x1F92C, 0x1F624, // 😠 😡 🤬 😤 anger
        0x1F644, 0x1F612, 0x1F611, 0x1F4A2, 0x1F44E, // 🙄 😒 😑 💢 👎 exasperation (🤦 🤷: mostly self-directed humour)
        0x1F629, 0x1F62B, 0x1F62D, 0x1F622, 0x1F61E, 0x1F623, 0x1F616, 0x1F625, 0x1F640, // 😩 😫 😭 😢 😞 😣 😖 😥 🙀
        0x1F614, 0x1F61F, 0x1F97A, // 😔 😟 🥺 disappointment, worry, pleading
        0x1F643, 0x1F925, // 🙃 sarcasm ("so that's comforting 🙃"), 🤥 "you lied"
    };

    private ToneMarks() {}

    /** "!!", "?!" or "!?" (half or full width): shouting at the agent. "???" alone is puzzlement, not shouting. */
    static boolean angryPunctuation(String raw) {
        int bangs = 0;
        int questions = 0;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            boolean bang = c == '!' || c == '！';
            boolean question = c == '?' || c == '？';
            if ((bang && (bangs > 0 || questions > 0)) || (question && bangs > 0)) {
                return true;
            }
            bangs = bang ? bangs + 1 : 0;
            questions = question ? questions + 1 : 0;
        }
        return false;
    }

    /**
     * Shouted capitals: two different all-capital English words of 3+ letters that make half the sentence's words or
     * stand three in a row ("WHERE IS MY REFUND", "VERIZON IS DOWN"), or one of 6+ ("That is INCORRECT"). Acronyms
     * named in passing, even twice ("log into my GTA online account ... play GTA online", SKU, UPS, iOS), a handle
     * or a hashtag (@VERIZON) are not shouting. A capital word of 4+ letters ending in one letter held 3+ times
     * ("but NOOO", "WHYYY") is a shout drawn out; AAA and XXX are three letters, and an acronym does not stretch.
     * In a Chinese sentence capitals are names (反光背心可以加LOGO吗 ... CCJC免费印字): a Chinese customer raises the
     * voice with words and !!, which the other signals read.
     */
    static boolean shouting(String raw) {
        boolean longShout = false; // a 6+ or drawn-out capital word: shouting, unless a CJK ideograph comes later
        int firstStart = -1;
        int firstLength = 0;
        int distinct = 0; // different shouted words, counted up to 2 (no allocation per sentence)
        int shoutedWords = 0;
        int words = 0;
        int inARow = 0;
        int longestRow = 0;
        int run = 0;
        int held = 0; // how many times the word's last letter stands in a row
        boolean lower = false;
        for (int i = 0; i <= raw.length(); i++) {
            char c = i < raw.length() ? raw.charAt(i) : ' ';
            if (c >= 0x4E00 && c <= 0x9FFF) {
                return false; // a CJK ideograph: capitals here name a product or a brand
            }
            if (c < 0x80 && Character.isLetter(c)) {
                // a handle or hashtag (@VERIZON, #FAIL) is a name, not a raised voice
                lower |= Character.isLowerCase(c) || run == 0 && i > 0 && (raw.charAt(i - 1) == '@' || raw.charAt(i - 1) == '#');
                held = run > 0 && raw.charAt(i - 1) == c ? held + 1 : 1;
                run++;
            } else if (run > 0) {
                longShout |= !lower && (run >= SHOUTED_LONG_WORD_MIN || run >= STRETCHED_WORD_MIN && held >= STRETCHED_HOLD);
                words += run >= 2 ? 1 : 0;
                if (run >= 2 && !lower) {
                    // short capitals (IS, MY, YT) carry a shouted row but are no shouted word of their own
                    longestRow = Math.max(longestRow, ++inARow);
                    if (run >= SHOUTED_WORD_MIN) {
                        shoutedWords++;
                        if (firstStart < 0) {
                            firstStart = i - run;
                            firstLength = run;
                            distinct = 1;
                        } else if (distinct == 1 && !(run == firstLength && raw.regionMatches(firstStart, raw, i - run, run))) {
                            distinct = 2;
                        }
                    }
                } else if (run >= 2) {
                    inARow = 0;
                }
                run = 0;
                lower = false;
            }
        }
        return longShout || distinct >= 2 && (2 * shoutedWords >= words || longestRow >= 3);
    }

    /** The first negative emoji in the sentence, or null. */
    static String negativeEmoji(String raw) {
        for (int i = 0; i < raw.length(); ) {
            int cp = raw.codePointAt(i);
            for (int e : NEGATIVE_EMOJI) {
                if (cp == e) {
                    return new String(Character.toChars(cp));
                }
            }
            i += Character.charCount(cp);
        }
        return null;
    }
}
