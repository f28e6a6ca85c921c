package org.pagateway.x12;

import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;

import org.smooks.api.ExecutionContext;
import org.smooks.api.delivery.ContentDeliveryConfig;
import org.smooks.api.resource.config.ResourceConfig;

/**
 * The SAX elements the mapping can select, read off its own selectors: {@link X12SaxReader} tells Smooks
 * about a loop, segment or composite only when some selector names it ({@code L2010A/NM1} names L2010A and
 * NM1) or it is a child of an element a selector ends with {@code /*} under ({@code L2000E/HI/*}: every
 * composite of HI). The rest (HL, BHT, the 2000A-D loops...) no visitor reads, and Smooks pays per SAX element
 * whether or not anything is bound to it. A skipped loop's children become children of the nearest element
 * that is sent. A selector this cannot read for certain (a predicate, {@code **}, a leading {@code *}) makes
 * the reader send everything, as before.
 */
final class MappedNames {

    private static final MappedNames ALL = new MappedNames(true, Set.of(), Set.of());
    private static final Map<ContentDeliveryConfig, MappedNames> CACHE = Collections.synchronizedMap(new WeakHashMap<>());

    private final boolean all;
    private final Set<String> names;
    private final Set<String> childrenOf;

    private MappedNames(boolean all, Set<String> names, Set<String> childrenOf) {
        this.all = all;
        this.names = names;
        this.childrenOf = childrenOf;
    }

    static MappedNames of(ExecutionContext executionContext) {
        if (executionContext == null || executionContext.getContentDeliveryRuntime() == null) {
            return ALL;
        }
        ContentDeliveryConfig config = executionContext.getContentDeliveryRuntime().getContentDeliveryConfig();
        return config == null ? ALL : CACHE.computeIfAbsent(config, MappedNames::read);
    }

    /** Whether element {@code name}, whose parent (as sent) is {@code parent}, is to be sent to the mapping. */
    boolean sends(String name, String parent) {
        return all || names.contains(name) || childrenOf.contains(parent);
    }

    private static MappedNames read(ContentDeliveryConfig config) {
        Set<String> names = new HashSet<>();
        Set<String> childrenOf = new HashSet<>();
        for (List<ResourceConfig> configs : config.getResourceConfigs().values()) {
            for (ResourceConfig resourceConfig : configs) {
                // Smooks' own resources (the "*" serializer, interceptors) read nothing of the document
                if (resourceConfig.isSystem() || resourceConfig.getSelectorPath() == null) {
                    continue;
                }
                String selector = resourceConfig.getSelectorPath().getSelector();
                if (selector != null && !addSteps(selector, names, childrenOf)) {
                    return ALL;
                }
            }
        }
        return new MappedNames(false, Set.copyOf(names), Set.copyOf(childrenOf));
    }

    /** False when the selector is one this does not read for certain. */
    private static boolean addSteps(String selector, Set<String> names, Set<String> childrenOf) {
        if (selector.indexOf('[') >= 0 || selector.indexOf('(') >= 0) {
            return false;
        }
        String previous = null;
        for (String step : selector.trim().split("[/\\s]+")) {
            if (step.isEmpty() || step.startsWith("@") || step.startsWith("#")) {
                continue;
            }
            String name = step.substring(step.indexOf(':') + 1);
            if (name.equals("**") || (name.equals("*") && previous == null)) {
                return false;
            }
            if (name.equals("*")) {
                childrenOf.add(previous);
            } else {
                names.add(name);
            }
            previous = name;
        }
        return true;
    }
}
