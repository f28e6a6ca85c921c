package org.pagateway.x12;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.smooks.api.ExecutionContext;
import org.smooks.api.SmooksConfigException;

/** "bean.property" of the mapping: the list property of a bean map that items are appended to. */
record ListTarget(String beanId, String property) {

    static ListTarget parse(String value, String owner) {
        int dot = value == null ? -1 : value.trim().indexOf('.');
        if (dot <= 0 || dot == value.trim().length() - 1) {
            throw new SmooksConfigException(owner + ": appendTo '" + value + "' is not bean.property");
        }
        String trimmed = value.trim();
        return new ListTarget(trimmed.substring(0, dot), trimmed.substring(dot + 1));
    }

    /** Appends {@code item} to the list, made on first use; false when there is no such bean map in context. */
    @SuppressWarnings("unchecked")
    boolean append(ExecutionContext executionContext, Map<String, Object> item) {
        Object bean = executionContext.getBeanContext().getBean(beanId);
        if (!(bean instanceof Map<?, ?>)) {
            return false;
        }
        Object list = ((Map<String, Object>) bean).computeIfAbsent(property, key -> new ArrayList<>());
        ((List<Object>) list).add(item);
        return true;
    }
}
