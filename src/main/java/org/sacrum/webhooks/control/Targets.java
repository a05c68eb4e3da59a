package org.sacrum.webhooks.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.sacrum.platform.entity.ProblemException;
import org.sacrum.platform.entity.Violation;
import org.sacrum.webhooks.entity.TargetRule;

import java.net.InetAddress;
import java.net.URI;
import java.util.List;
import java.util.Optional;

/** The SSRF guard with the operator's allow-list ({@code sacrum.webhooks.allowed-hosts}), resolving names with the JDK. */
@ApplicationScoped
public class Targets {
    private TargetRule rule;

    @Inject
    void configure(@ConfigProperty(name = "sacrum.webhooks.allowed-hosts", defaultValue = " ") String allowedHosts) {
        rule = new TargetRule(allowedHosts);
    }

    /** Why a request to the URL is refused now (resolved again at every send: DNS can change), or empty. */
    public Optional<String> refusal(URI url) {
        return rule.refusal(url, InetAddress::getAllByName);
    }

    /** At subscribe time: 422 naming field {@code url} and the rule. */
    public void check(String field, String url) {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw invalid(field, "is not a URL");
        }
        if (uri.getHost() == null || uri.getUserInfo() != null || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
            throw invalid(field, "must be an http or https URL with a host and no user info");
        }
        refusal(uri).ifPresent(why -> {
            throw ProblemException.unprocessable("invalid-request", "Sacrum does not send requests to internal addresses.",
                    List.of(new Violation(field, TargetRule.RULE, why)));
        });
    }

    private static ProblemException invalid(String field, String message) {
        return ProblemException.unprocessable("invalid-request", "The request breaks 1 rule(s).",
                List.of(new Violation(field, "url", message)));
    }
}
