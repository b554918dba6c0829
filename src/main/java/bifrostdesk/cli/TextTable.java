package bifrostdesk.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/** A plain text table: columns padded to their widest cell, two spaces apart; right-aligned where asked. */
final class TextTable {
    private final List<String[]> rows = new ArrayList<>();
    private final boolean[] right;

    TextTable(boolean[] rightAligned, String... header) {
        this.right = rightAligned;
        rows.add(header);
    }

    void add(String... cells) {
        rows.add(cells);
    }

    void print(PrintStream out) {
        int[] width = new int[rows.get(0).length];
        for (String[] r : rows) {
            for (int i = 0; i < r.length; i++) {
                width[i] = Math.max(width[i], String.valueOf(r[i]).length());
            }
        }
        for (String[] r : rows) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < r.length; i++) {
                String cell = String.valueOf(r[i]);
                String pad = " ".repeat(width[i] - cell.length());
                sb.append(right[i] ? pad + cell : i < r.length - 1 ? cell + pad : cell);
                if (i < r.length - 1) {
                    sb.append("  ");
                }
            }
            out.println(sb);
        }
    }
}
