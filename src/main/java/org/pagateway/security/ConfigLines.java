package org.pagateway.security;

import java.util.ArrayList;
import java.util.List;

/**
 * The lines of a small CSV file an operator edits by hand (API keys, trading partners): blank lines and # comments
 * skipped, the header checked, each row kept with its line number so that a refusal can name it without echoing it.
 */
record ConfigLines(List<Row> rows) {

    /** One row: its fields (split at commas, at most {@code fields} of them) and its line number from 1. */
    record Row(int number, String[] fields) {
    }

    static ConfigLines parse(List<String> lines, String header, int fields, String name) {
        List<Row> rows = new ArrayList<>();
        boolean headerSeen = false;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (!headerSeen) {
                if (!line.replace(" ", "").equalsIgnoreCase(header)) {
                    throw new IllegalStateException(name + ", line " + (i + 1) + ": the first line must be the header " + header);
                }
                headerSeen = true;
                continue;
            }
            rows.add(new Row(i + 1, line.split(",", fields)));
        }
        return new ConfigLines(List.copyOf(rows));
    }
}
