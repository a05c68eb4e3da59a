package org.sacrum.it;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.*;

/** Reading Linux's TCP tables, as RestartIT does to find the ports Payara Micro opened. */
class ListeningSocketsTest {
    private static final String HEADER = "  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode";

    @Test
    void readsListeningRowsOfTheProcessOnly() throws Exception {
        List<ListeningSockets.Socket> sockets = ListeningSockets.parse(List.of(HEADER,
                "   0: 0100007F:1AF4 00000000:0000 0A 00000000:00000000 00:00000000 00000000  1000        0 111 1 0 100 0 0 10 0",
                "   1: 00000000:1F90 00000000:0000 0A 00000000:00000000 00:00000000 00000000  1000        0 222 1 0 100 0 0 10 0",
                "   2: 0100007F:1F90 0100007F:D431 01 00000000:00000000 00:00000000 00000000  1000        0 333 1 0 20 4 30 10 -1",
                "   3: 00000000:0016 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 444 1 0 100 0 0 10 0"),
                Set.of("111", "222", "333"));
        assertEquals("[127.0.0.1:6900, 0.0.0.0:8080]", sockets.toString(), "LISTEN rows of these inodes; not the connection, not sshd's");
        assertTrue(sockets.get(0).loopback());
        assertFalse(sockets.get(1).loopback());
    }

    @Test
    void readsIpv6RowsWordByWord() throws Exception {
        List<ListeningSockets.Socket> sockets = ListeningSockets.parse(List.of(HEADER,
                "   0: 0000000000000000FFFF00000100007F:1AF5 00000000000000000000000000000000:0000 0A 00000000:00000000 00:00000000 00000000  1000        0 1 1 0 100 0 0 10 0",
                "   1: 00000000000000000000000000000000:1AF4 00000000000000000000000000000000:0000 0A 00000000:00000000 00:00000000 00000000  1000        0 2 1 0 100 0 0 10 0",
                "   2: 00000000000000000000000001000000:1F90 00000000000000000000000000000000:0000 0A 00000000:00000000 00:00000000 00000000  1000        0 3 1 0 100 0 0 10 0"),
                Set.of("1", "2", "3"));
        assertEquals(6901, sockets.get(0).port());
        assertTrue(sockets.get(0).loopback(), "::ffff:127.0.0.1 is loopback: " + sockets.get(0));
        assertFalse(sockets.get(1).loopback(), "the wildcard :: is every interface: " + sockets.get(1));
        assertTrue(sockets.get(2).loopback(), "::1 " + sockets.get(2));
    }
}
