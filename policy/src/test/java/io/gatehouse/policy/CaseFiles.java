package io.gatehouse.policy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/** Finds and reads the JSON Lines case files under the test resources. */
final class CaseFiles {
    private CaseFiles() {}

    /** A line of a case file with where it came from. */
    record Line(Path file, int number, String text) {}

    /** Files in a test-resources directory whose names end with {@code suffix}, sorted; empty when the directory is absent. */
    static List<Path> in(String directory, String suffix) {
        URL url = CaseFiles.class.getClassLoader().getResource(directory);
        if (url == null) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(Path.of(url.toURI()))) {
            return files.filter(p -> p.getFileName().toString().endsWith(suffix)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<Line> lines(Path file) {
        List<Line> out = new ArrayList<>();
        try (InputStream raw = Files.newInputStream(file);
             InputStream in = file.toString().endsWith(".gz") ? new GZIPInputStream(raw) : raw;
             BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String s;
            int n = 0;
            while ((s = r.readLine()) != null) {
                n++;
                if (!s.isBlank()) {
                    out.add(new Line(file, n, s));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
