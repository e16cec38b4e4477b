package dev.gantry.config;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The policies Gantry enforces ask every service for Prometheus metrics at {@code /metrics}; Gantry keeps its own
 * rule by serving the actuator's scrape there too.
 */
@Configuration(proxyBeanMethods = false)
class MetricsEndpointConfiguration implements WebMvcConfigurer {

    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        registry.addViewController("/metrics").setViewName("forward:/actuator/prometheus");
    }
}
