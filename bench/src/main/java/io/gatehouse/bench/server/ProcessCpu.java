package io.gatehouse.bench.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time used so far by a whole process (all its threads, live and exited): utime + stime from
 * {@code /proc/<pid>/stat}, in nanoseconds. Resolution is one clock tick (usually 10 ms), which is
 * why the measured window must hold thousands of requests.
 */
record ProcessCpu(long pid, Path statFile, long nanosPerTick) {

    static ProcessCpu of(long pid, long clockTicksPerSecond) {
        Path stat = Path.of("/proc", Long.toString(pid), "stat");
        if (!Files.isReadable(stat)) {
            throw new IllegalArgumentException("no readable " + stat + ": is process " + pid + " running?");
        }
        return new ProcessCpu(pid, stat, 1_000_000_000L / clockTicksPerSecond);
    }

    static ProcessCpu self(long clockTicksPerSecond) {
        return of(ProcessHandle.current().pid(), clockTicksPerSecond);
    }

    /** CPU time so far, split as the kernel accounts it: in the process's code and in the kernel for it. */
    record Times(long userNanos, long systemNanos) {
        long totalNanos() {
            return userNanos + systemNanos;
        }

        Times minus(Times earlier) {
            return new Times(userNanos - earlier.userNanos, systemNanos - earlier.systemNanos);
        }
    }

    long nanos() {
        return times().totalNanos();
    }

    Times times() {
        String stat;
        try {
            stat = Files.readString(statFile);
        } catch (IOException e) {
            throw new UncheckedIOException("process " + pid + " is gone", e);
        }
        // Field 2 (comm) is in parentheses and may hold spaces; fields from 3 on follow the last ')'.
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        long utime = Long.parseLong(fields[14 - 3]);
        long stime = Long.parseLong(fields[15 - 3]);
        return new Times(utime * nanosPerTick, stime * nanosPerTick);
    }

    /** {@code getconf CLK_TCK}; 100 (Linux's USER_HZ nearly everywhere) if getconf is unavailable. */
    static long clockTicksPerSecond() {
        try {
            Process getconf = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
            String out = new String(getconf.getInputStream().readAllBytes()).trim();
            return getconf.waitFor() == 0 ? Long.parseLong(out) : 100;
        } catch (IOException | NumberFormatException e) {
            return 100;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 100;
        }
    }
}
