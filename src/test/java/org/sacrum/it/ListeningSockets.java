package org.sacrum.it;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/** The TCP sockets a process listens on, read from Linux's /proc (what `ss -ltnp` shows). */
final class ListeningSockets {
    /** One listening socket: its local address and port. */
    record Socket(InetAddress address, int port) {
        boolean loopback() {
            return address.isLoopbackAddress();
        }

        @Override
        public String toString() {
            return address.getHostAddress() + ":" + port;
        }
    }

    private ListeningSockets() {
    }

    static List<Socket> of(ProcessHandle process) throws IOException {
        Set<String> inodes = new HashSet<>();
        try (Stream<Path> fds = Files.list(Path.of("/proc", Long.toString(process.pid()), "fd"))) {
            for (Path fd : fds.toList()) {
                try {
                    String target = Files.readSymbolicLink(fd).toString();
                    if (target.startsWith("socket:[")) {
                        inodes.add(target.substring(8, target.length() - 1));
                    }
                } catch (IOException closedMeanwhile) {
                    // the descriptor went away while listing
                }
            }
        }
        List<Socket> listening = new ArrayList<>();
        for (String table : new String[]{"/proc/net/tcp", "/proc/net/tcp6"}) {
            Path path = Path.of(table);
            if (Files.exists(path)) {
                listening.addAll(parse(Files.readAllLines(path), inodes));
            }
        }
        return listening;
    }

    /** The LISTEN rows (state 0A) of a /proc/net/tcp or tcp6 table whose socket inode is one of these. */
    static List<Socket> parse(List<String> lines, Set<String> inodes) throws UnknownHostException {
        List<Socket> listening = new ArrayList<>();
        for (String line : lines.subList(Math.min(1, lines.size()), lines.size())) {
            String[] f = line.trim().split("\\s+");
            if (f.length > 9 && f[3].equals("0A") && inodes.contains(f[9])) {
                String[] local = f[1].split(":");
                listening.add(new Socket(InetAddress.getByAddress(address(local[0])), Integer.parseInt(local[1], 16)));
            }
        }
        return listening;
    }

    /** The kernel prints an address as 32-bit words in host (little-endian) order. */
    private static byte[] address(String hex) {
        byte[] bytes = new byte[hex.length() / 2];
        for (int word = 0; word < bytes.length / 4; word++) {
            for (int i = 0; i < 4; i++) {
                int at = word * 8 + (3 - i) * 2;
                bytes[word * 4 + i] = (byte) Integer.parseInt(hex.substring(at, at + 2), 16);
            }
        }
        return bytes;
    }
}
