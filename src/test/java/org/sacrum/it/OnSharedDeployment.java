package org.sacrum.it;

import org.junit.jupiter.api.BeforeEach;

import java.net.URL;

/**
 * A feature's integration tests that need only a running Sacrum: they run as a {@code @Nested} class of
 * {@link SharedDeploymentIT}, on its one Payara Micro process, called over HTTP as a client. Each feature class
 * gets a {@link Team} of its own (people and a slug suffix of their own), so that none depends on another's data.
 */
abstract class OnSharedDeployment {
    URL base;
    static Team team;
    private static Class<?> teamFor;

    @BeforeEach
    void joinSharedDeployment() {
        base = DeploymentUrls.of(SharedDeploymentIT.class);
        if (teamFor != getClass()) {
            team = new Team(new Api(base));
            teamFor = getClass();
        }
    }
}
