package org.sacrum.it;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.TestClassOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every integration test that needs only one running Sacrum, on one deployment: the real sacrum.war on one Payara
 * Micro process, started once for all of them (each start costs 15-25 s). Each feature's tests stay in their own
 * file, an abstract {@link OnSharedDeployment} class run here as a {@code @Nested} class. The tests that need
 * processes of their own keep them: ConsoleIT and BackupIT (their own deployment), and RestartIT, CrashIT, ClusterIT
 * and CacheHeapIT (deploy/run.sh).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@TestClassOrder(ClassOrderer.OrderAnnotation.class)
class SharedDeploymentIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.sacrumWar();
    }

    @Nested
    @Order(1)
    class Foundation extends FoundationIT {
    }

    @Nested
    @Order(2)
    class ContentDelivery extends ContentDeliveryIT {
    }

    @Nested
    @Order(3)
    class Workflow extends WorkflowIT {
    }

    @Nested
    @Order(4)
    class Identity extends IdentityIT {
    }

    @Nested
    @Order(5)
    class HostileInput extends HostileInputIT {
    }

    @Nested
    @Order(6)
    class AuditChain extends AuditChainIT {
    }

    @Nested
    @Order(7)
    class PublicationHistory extends PublicationHistoryIT {
    }

    @Nested
    @Order(8)
    class LinkedReview extends LinkedReviewIT {
    }

    @Nested
    @Order(9)
    class Schedules extends ScheduleIT {
    }

    @Nested
    @Order(10)
    class Webhooks extends WebhooksIT {
    }

    @Nested
    @Order(11)
    class Edge extends EdgeIT {
    }

    @Nested
    @Order(12)
    class FrontEnd extends FrontEndIT {
    }

    @Nested
    @Order(13)
    class Scale extends ScaleIT {
    }

    @Nested
    @Order(14)
    class Search extends SearchIT {
    }

    @Nested
    @Order(15)
    class Listing extends ListingIT {
    }

    /** Last: it moves the clock weeks ahead and runs the jobs, which withdraw seeded entries the others read. */
    @Nested
    @Order(99)
    class ClinicalCurrency extends ClinicalCurrencyIT {
    }
}
