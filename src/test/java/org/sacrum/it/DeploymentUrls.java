package org.sacrum.it;

import org.jboss.arquillian.container.spi.event.container.AfterDeploy;
import org.jboss.arquillian.core.api.Instance;
import org.jboss.arquillian.core.api.annotation.Inject;
import org.jboss.arquillian.core.api.annotation.Observes;
import org.jboss.arquillian.core.spi.LoadableExtension;
import org.jboss.arquillian.core.spi.ServiceLoader;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.arquillian.test.spi.TestClass;
import org.jboss.arquillian.test.spi.enricher.resource.ResourceProvider;

import java.net.URL;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The URL of each test class's deployment, recorded when Arquillian deploys it, for the {@code @Nested} classes of
 * {@link SharedDeploymentIT}: Arquillian 1.10.2 cannot inject {@code @ArquillianResource} into a {@code @Nested}
 * class (arquillian-core issue 773, fixed after that release), because it looks the deployment up by the nested class.
 * Registered in META-INF/services/org.jboss.arquillian.core.spi.LoadableExtension.
 */
public class DeploymentUrls implements LoadableExtension {
    private static final Map<Class<?>, URL> URLS = new ConcurrentHashMap<>();

    @ArquillianResource
    private static URL qualifier; // only its annotation is read: the same lookup as an injected field

    @Override
    public void register(ExtensionBuilder builder) {
        builder.observer(Recorder.class);
    }

    /** The deployed URL of this test class, as {@code @ArquillianResource URL} would give it. */
    static URL of(Class<?> testClass) {
        URL url = URLS.get(testClass);
        if (url == null) {
            throw new IllegalStateException("no deployment recorded for " + testClass.getName());
        }
        return url;
    }

    public static class Recorder {
        @Inject
        private Instance<ServiceLoader> services;
        @Inject
        private Instance<TestClass> testClass;

        public void record(@Observes AfterDeploy deployed) throws NoSuchFieldException {
            ArquillianResource resource = DeploymentUrls.class.getDeclaredField("qualifier").getAnnotation(ArquillianResource.class);
            for (ResourceProvider provider : services.get().all(ResourceProvider.class)) {
                if (provider.canProvide(URL.class) && provider.lookup(resource) instanceof URL url) {
                    URLS.put(testClass.get().getJavaClass(), url);
                    return;
                }
            }
        }
    }
}
