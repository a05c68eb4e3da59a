package org.sacrum.platform.control;

import org.junit.jupiter.api.Test;

import java.net.URI;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PublicLocationTest {

    @Test
    void withoutABaseUrlTheLocationIsAPathUnderTheContext() {
        assertEquals("/api/manage/people/ada", PublicLocation.resolve(null, "", URI.create("/api/manage/people/ada")));
        assertEquals("/sacrum/api/manage/people/ada", PublicLocation.resolve("", "/sacrum", URI.create("/api/manage/people/ada")));
    }

    @Test
    void theConfiguredBaseUrlMakesItAbsolute() {
        assertEquals("https://cms.example.org/api/manage/exercises/pelvic-tilts",
                PublicLocation.resolve("https://cms.example.org/", "", URI.create("/api/manage/exercises/pelvic-tilts")));
    }

    @Test
    void anAbsoluteLocationNeverKeepsItsHost() {
        assertEquals("/api/manage/people/ada?x=1", PublicLocation.resolve(null, "/sacrum", URI.create("http://evil.example/api/manage/people/ada?x=1")));
        assertEquals("https://cms.example.org/api/manage/people/ada",
                PublicLocation.resolve("https://cms.example.org", "", URI.create("http://evil.example/api/manage/people/ada")));
    }

    @Test
    void aSchemeRelativeLocationNeverKeepsItsHostEither() {
        assertEquals("/sacrum/x", PublicLocation.resolve(null, "/sacrum", URI.create("//evil.example/x")));
        assertEquals("https://cms.example.org/x", PublicLocation.resolve("https://cms.example.org", "", URI.create("//evil.example/x")));
    }

    @Test
    void theBaseUrlIsTrimmedAndMayHaveAPath() {
        assertEquals("https://example.org/cms/sacrum/api/manage/me",
                PublicLocation.resolve(" https://example.org/cms/ ", "/sacrum", URI.create("/api/manage/me")));
        assertEquals("/api/manage/me", PublicLocation.resolve("   ", "/", URI.create("/api/manage/me")), "a blank base URL is none; '/' is the root context");
    }

    @Test
    void theQueryIsKeptEncodedAndTheFragmentDropped() {
        assertEquals("/api/manage/audit?after=5&q=a%20b", PublicLocation.resolve(null, "", URI.create("/api/manage/audit?after=5&q=a%20b#top")));
        assertEquals("/api/manage/exercises/caf%C3%A9", PublicLocation.resolve(null, null, URI.create("/api/manage/exercises/caf%C3%A9")));
    }
}
