package dev.lifeline.common.crypto;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads the {@code [case]} / {@code key = hex} files under {@code src/test/resources/vectors/}. */
final class VectorFile {
    record Case(String name, Map<String, String> values) {
        byte[] hex(String key) {
            return HexFormat.of().parseHex(value(key));
        }

        String value(String key) {
            String v = values.get(key);
            if (v == null) {
                throw new IllegalArgumentException(name + " has no " + key);
            }
            return v;
        }

        @Override
        public String toString() {
            return name;
        }
    }

    private VectorFile() {
    }

    static List<Case> load(String fileName) {
        try (InputStream in = VectorFile.class.getResourceAsStream("/vectors/" + fileName)) {
            if (in == null) {
                throw new IllegalArgumentException("no vector file " + fileName);
            }
            List<Case> cases = new ArrayList<>();
            String name = null;
            Map<String, String> values = null;
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII));
            for (String line; (line = reader.readLine()) != null; ) {
                line = line.strip();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                if (line.startsWith("[")) {
                    if (name != null) {
                        cases.add(new Case(name, values));
                    }
                    name = line.substring(1, line.length() - 1);
                    values = new LinkedHashMap<>();
                } else {
                    int eq = line.indexOf('=');
                    values.put(line.substring(0, eq).strip(), line.substring(eq + 1).strip());
                }
            }
            if (name != null) {
                cases.add(new Case(name, values));
            }
            return cases;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
