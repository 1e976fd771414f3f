package io.kefu.shared.privacy;

import java.util.ArrayList;
import java.util.List;

/**
 * Phone, landline, ID and card numbers however they are typed: the folded digits of a stretch of chat are cut
 * into runs (maximal digits of one script), runs joined by short separators (space, - . / _ · parentheses, up to
 * three characters) or by a change of script form a chain, and a chain may continue into the next message of the
 * same speaker ("138" / "中间是 1234" / "5678"). Any contiguous stretch of whole runs of a chain is a candidate;
 * from the left, the longest candidate that is a valid number of some kind (prefix, length, check digit) wins.
 * Runs glued to Latin letters (SF1402..., JDVA...) are codes, never part of a number.
 */
final class DigitRuns {
    /** At most this many characters between two runs of one number in the same message. */
    private static final int MAX_SEPARATOR = 3;
    /** At most this much text between a number's piece at the end of one message and the next piece. */
    private static final int MAX_CROSS_MESSAGE_GAP = 8;
    private static final int MAX_DIGITS = 21;

    /** A run of digits in one message's folded text: [start, end), plus a trailing ID check 'X' when present. */
    record Run(int message, int start, int end, boolean checkX, boolean joinsPrevious) {
        int digits() {
            return end - start;
        }
    }

    private DigitRuns() {}

    /** Finds the numbers in a sequence of messages of one speaker; adds matches (original offsets) per message. */
    static void find(List<FoldedText> messages, List<List<PiiMatch>> into) {
        List<Run> runs = runs(messages);
        int i = 0;
        while (i < runs.size()) {
            int bestEnd = -1;
            PiiKind bestKind = null;
            StringBuilder digits = new StringBuilder();
            for (int j = i; j < runs.size(); j++) {
                if (j > i && !runs.get(j).joinsPrevious()) {
                    break;
                }
                Run run = runs.get(j);
                FoldedText text = messages.get(run.message());
                digits.append(text.text(), run.start(), run.end());
                if (digits.length() > MAX_DIGITS) {
                    break;
                }
                PiiKind kind = NumberKinds.classify(digits, run.checkX(), runs.subList(i, j + 1),
                        messages.get(runs.get(i).message()), runs.get(i).start());
                if (kind != null) {
                    bestEnd = j;
                    bestKind = kind;
                }
                if (run.checkX()) {
                    break; // the X ends an ID number
                }
            }
            if (bestKind == null) {
                i++;
                continue;
            }
            emit(messages, runs.subList(i, bestEnd + 1), bestKind, into);
            i = bestEnd + 1;
        }
    }

    private static void emit(List<FoldedText> messages, List<Run> number, PiiKind kind, List<List<PiiMatch>> into) {
        int from = 0;
        while (from < number.size()) {
            int message = number.get(from).message();
            int to = from;
            while (to + 1 < number.size() && number.get(to + 1).message() == message) {
                to++;
            }
            FoldedText text = messages.get(message);
            int start = number.get(from).start();
            if (from == 0 && start > 0 && (text.text().charAt(start - 1) == '+'
                    || (kind == PiiKind.LANDLINE && text.text().charAt(start - 1) == '('))) {
                start--; // "+86 138..." and "(010) 8765..." keep no dangling '+' or '('
            }
            Run last = number.get(to);
            int end = last.end() + (last.checkX() ? 1 : 0);
            into.get(message).add(new PiiMatch(kind, text.originalStart(start), text.originalEnd(end)));
            from = to + 1;
        }
    }

    static List<Run> runs(List<FoldedText> messages) {
        List<Run> runs = new ArrayList<>();
        for (int m = 0; m < messages.size(); m++) {
            FoldedText folded = messages.get(m);
            String s = folded.text();
            int i = 0;
            while (i < s.length()) {
                if (!isDigit(s.charAt(i))) {
                    i++;
                    continue;
                }
                int start = i;
                byte script = folded.script(i);
                while (i < s.length() && isDigit(s.charAt(i)) && folded.script(i) == script) {
                    i++;
                }
                boolean checkX = i < s.length() && (s.charAt(i) == 'X' || s.charAt(i) == 'x')
                        && (i + 1 >= s.length() || !isLatinOrDigit(s.charAt(i + 1)));
                boolean glued = start > 0 && isLatin(s.charAt(start - 1))
                        || (!checkX && i < s.length() && isLatin(s.charAt(i)));
                if (glued) {
                    runs.add(null); // a code like SF1402...: breaks any chain through it
                    continue;
                }
                runs.add(new Run(m, start, i, checkX, joins(messages, runs, m, start)));
            }
        }
        runs.removeIf(r -> r == null);
        return runs;
    }

    /** Whether a run starting at {@code start} in message {@code m} continues the run before it. */
    private static boolean joins(List<FoldedText> messages, List<Run> runs, int m, int start) {
        if (runs.isEmpty() || runs.get(runs.size() - 1) == null) {
            return false;
        }
        Run previous = runs.get(runs.size() - 1);
        if (previous.checkX()) {
            return false;
        }
        FoldedText here = messages.get(m);
        if (previous.message() == m) {
            int gap = start - previous.end();
            if (gap == 0) {
                return true; // a change of script: "138一二三四5678"
            }
            if (gap > MAX_SEPARATOR) {
                return false;
            }
            for (int k = previous.end(); k < start; k++) {
                if (!isSeparator(here.text().charAt(k))) {
                    return false;
                }
            }
            return true;
        }
        if (previous.message() != m - 1) {
            return false;
        }
        FoldedText before = messages.get(previous.message());
        int gap = before.length() - previous.end() + start;
        return gap <= MAX_CROSS_MESSAGE_GAP;
    }

    static boolean isSeparator(char c) {
        return switch (c) {
            case ' ', '\t', '\n', '\r', '-', '.', '/', '_', '·', '・', '(', ')', '‐', '‑', '‒', '–', '—', '―' -> true;
            default -> false;
        };
    }

    static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isLatin(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
    }

    private static boolean isLatinOrDigit(char c) {
        return isLatin(c) || isDigit(c);
    }
}
