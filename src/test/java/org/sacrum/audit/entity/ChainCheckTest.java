package org.sacrum.audit.entity;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class ChainCheckTest {
    private record Stored(AuditChain.Fields fields, String hash) {
    }

    /** A chain of n records as AuditLog writes it, with gaps in the ids as rolled-back transactions leave them. */
    private static List<Stored> chain(int n) {
        List<Stored> records = new ArrayList<>();
        String previous = AuditChain.GENESIS;
        for (int i = 1; i <= n; i++) {
            AuditChain.Fields f = AuditChainTest.record(i * 2L, "detail " + i, previous);
            previous = AuditChain.hash(f);
            records.add(new Stored(f, previous));
        }
        return records;
    }

    private static ChainCheck.Result check(List<Stored> records, ChainCheck.Head head) {
        ChainCheck check = new ChainCheck();
        records.forEach(r -> check.next(r.fields(), r.hash()));
        return check.end(head);
    }

    private static ChainCheck.Head headOf(List<Stored> records) {
        Stored last = records.get(records.size() - 1);
        return new ChainCheck.Head(last.fields().id(), last.hash());
    }

    @Test
    void anIntactChainVerifies() {
        List<Stored> records = chain(5);
        ChainCheck.Result result = check(records, headOf(records));
        assertTrue(result.verified(), String.valueOf(result.firstBroken()));
        assertEquals(5, result.records());
        assertEquals(records.get(4).hash(), result.head());
        assertNull(result.firstBroken());
    }

    @Test
    void anEmptyLogVerifiesAtTheGenesisHash() {
        ChainCheck.Result result = check(List.of(), new ChainCheck.Head(0, AuditChain.GENESIS));
        assertTrue(result.verified());
        assertEquals(0, result.records());
        assertEquals(AuditChain.GENESIS, result.head());
    }

    @Test
    void aChangedRecordIsTheFirstBrokenLink() {
        List<Stored> records = chain(5);
        ChainCheck.Head head = headOf(records);
        AuditChain.Fields f = records.get(2).fields();
        AuditChain.Fields changed = new AuditChain.Fields(f.id(), f.at(), "mallory", f.action(), f.entryId(), f.contentType(), f.slug(),
                f.revisionNumber(), f.fromState(), f.toState(), f.detail(), f.prevHash());
        records.set(2, new Stored(changed, records.get(2).hash()));
        ChainCheck.Result result = check(records, head);
        assertFalse(result.verified());
        assertEquals(5, result.records(), "every record is still read");
        assertEquals(6L, result.firstBroken().id());
        assertEquals("hash-mismatch", result.firstBroken().why());
        assertEquals(records.get(2).hash(), result.firstBroken().found());
        assertEquals(AuditChain.hash(changed), result.firstBroken().expected());
    }

    @Test
    void aChangedRecordWithItsHashRecomputedBreaksTheNextLink() {
        List<Stored> records = chain(5);
        ChainCheck.Head head = headOf(records);
        AuditChain.Fields f = records.get(1).fields();
        AuditChain.Fields changed = new AuditChain.Fields(f.id(), f.at(), f.actor(), f.action(), f.entryId(), f.contentType(), f.slug(),
                f.revisionNumber(), f.fromState(), f.toState(), "rewritten", f.prevHash());
        records.set(1, new Stored(changed, AuditChain.hash(changed)));
        ChainCheck.Result result = check(records, head);
        assertEquals(6L, result.firstBroken().id());
        assertEquals("prev-mismatch", result.firstBroken().why());
        assertEquals(AuditChain.hash(changed), result.firstBroken().expected());
        assertEquals(records.get(2).fields().prevHash(), result.firstBroken().found());
    }

    @Test
    void aDeletedRecordBreaksTheLinkOfTheOneAfterIt() {
        List<Stored> records = chain(5);
        ChainCheck.Head head = headOf(records);
        records.remove(1);
        ChainCheck.Result result = check(records, head);
        assertFalse(result.verified());
        assertEquals(4, result.records());
        assertEquals(6L, result.firstBroken().id());
        assertEquals("prev-mismatch", result.firstBroken().why());
    }

    @Test
    void swappedRecordsBreakTheChainWhereTheOrderChanges() {
        List<Stored> records = chain(5);
        ChainCheck.Head head = headOf(records);
        Stored third = records.get(2);
        records.set(2, records.get(3));
        records.set(3, third);
        ChainCheck.Result result = check(records, head);
        assertEquals(8L, result.firstBroken().id());
        assertEquals("prev-mismatch", result.firstBroken().why());
    }

    @Test
    void deletedNewestRecordsAreMissingAgainstTheHead() {
        List<Stored> records = chain(5);
        ChainCheck.Head head = headOf(records);
        ChainCheck.Result result = check(records.subList(0, 3), head);
        assertFalse(result.verified());
        assertEquals(10L, result.firstBroken().id());
        assertEquals("missing", result.firstBroken().why());
        assertEquals(head.hash(), result.firstBroken().expected());
        assertFalse(check(List.of(), head).verified(), "every record deleted");
    }

    @Test
    void theNewestRecordRewrittenWithItsHashDisagreesWithTheHead() {
        List<Stored> records = chain(3);
        ChainCheck.Head head = headOf(records);
        AuditChain.Fields f = records.get(2).fields();
        AuditChain.Fields changed = new AuditChain.Fields(f.id(), f.at(), f.actor(), "delete-evidence", f.entryId(), f.contentType(),
                f.slug(), f.revisionNumber(), f.fromState(), f.toState(), f.detail(), f.prevHash());
        records.set(2, new Stored(changed, AuditChain.hash(changed)));
        ChainCheck.Result result = check(records, head);
        assertEquals(6L, result.firstBroken().id());
        assertEquals("hash-mismatch", result.firstBroken().why());
        assertFalse(check(chain(3), null).verified(), "the head row deleted");
    }

    @Test
    void anUnchainedRecordIsBroken() {
        List<Stored> records = chain(3);
        ChainCheck.Head head = headOf(records);
        records.set(1, new Stored(records.get(1).fields(), null));
        ChainCheck.Result result = check(records, head);
        assertEquals(4L, result.firstBroken().id());
        assertEquals("hash-mismatch", result.firstBroken().why());
        assertNull(result.firstBroken().found());
    }

    /** Measured: how long chaining and recomputing 20,000 records takes (the database reads come on top). */
    @Test
    void twentyThousandRecordsVerifyInSeconds() {
        long started = System.nanoTime();
        ChainCheck check = new ChainCheck();
        String previous = AuditChain.GENESIS;
        for (long i = 1; i <= 20_000; i++) {
            AuditChain.Fields f = AuditChainTest.record(i, "edited the title and the steps", previous);
            previous = AuditChain.hash(f);
            check.next(f, previous);
        }
        ChainCheck.Result result = check.end(new ChainCheck.Head(20_000, previous));
        long millis = (System.nanoTime() - started) / 1_000_000;
        System.out.println("ChainCheckTest: 20,000 records chained and verified in " + millis + " ms");
        assertTrue(result.verified());
        assertEquals(20_000, result.records());
        assertTrue(millis < 60_000, millis + " ms");
    }
}
