package org.sacrum.delivery.control;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.topic.ITopic;

import javax.naming.InitialContext;
import javax.naming.NamingException;
import java.util.UUID;

/**
 * Tells every member of the cluster to drop its local copies of delivery responses when one member clears the
 * cache, through a topic on Payara's Hazelcast data grid (JNDI {@code payara/Hazelcast}). Messages arrive on a
 * grid thread within milliseconds, so a withdrawn entry leaves every instance at once, not when its local copy
 * ages out.
 */
final class ClusterSignal {
    private static final String TOPIC = "sacrum-delivery-cleared";
    private final ITopic<String> topic;
    private final UUID registration;

    private ClusterSignal(ITopic<String> topic, Runnable onSignal) {
        this.topic = topic;
        this.registration = topic.addMessageListener(message -> onSignal.run());
    }

    /** Joins the topic; fails when Payara's data grid is not there. */
    static ClusterSignal join(Runnable onSignal) throws NamingException {
        HazelcastInstance grid = (HazelcastInstance) new InitialContext().lookup("payara/Hazelcast");
        return new ClusterSignal(grid.getTopic(TOPIC), onSignal);
    }

    void send() {
        topic.publish("cleared");
    }

    void leave() {
        topic.removeMessageListener(registration);
    }
}
