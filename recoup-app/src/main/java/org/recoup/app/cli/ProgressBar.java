package org.recoup.app.cli;

import java.io.PrintStream;

/** A one-line progress bar on stderr: {@code [#####-----]  52% 520,000/1,000,000 rows}. */
final class ProgressBar {

    private static final int WIDTH = 30;
    private final PrintStream out;
    private final String unit;
    private long lastPrinted = -1;
    private long lastAt;

    ProgressBar(PrintStream out, String unit) {
        this.out = out;
        this.unit = unit;
    }

    synchronized void update(String label, long done, long total) {
        long now = System.nanoTime();
        if (done != total && now - lastAt < 200_000_000L && done != lastPrinted) {
            return; // at most 5 updates a second
        }
        lastAt = now;
        lastPrinted = done;
        out.print("\r" + render(label, done, total));
        out.flush();
    }

    synchronized void finish() {
        out.println();
    }

    static String render(String label, long done, long total) {
        StringBuilder b = new StringBuilder();
        if (label != null && !label.isEmpty()) {
            b.append(label).append(' ');
        }
        if (total > 0) {
            int filled = (int) Math.min(WIDTH, done * WIDTH / total);
            b.append('[').append("#".repeat(filled)).append("-".repeat(WIDTH - filled)).append("] ");
            b.append(String.format("%3d%% ", Math.min(100, done * 100 / total)));
            b.append(String.format("%,d/%,d", done, total));
        } else {
            b.append(String.format("%,d", done));
        }
        return b.toString();
    }

    String unit() {
        return unit;
    }
}
