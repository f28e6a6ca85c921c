package org.pagateway.x12;

import java.util.Map;

import org.smooks.api.ExecutionContext;
import org.smooks.api.resource.visitor.sax.ng.AfterVisitor;
import org.w3c.dom.Element;

/** At the end of each 2000E loop: the event map the mapping filled becomes a canonical request. */
public final class PatientEventVisitor implements AfterVisitor {

    @Override
    @SuppressWarnings("unchecked")
    public void visitAfter(Element element, ExecutionContext executionContext) {
        Object event = executionContext.getBeanContext().getBean("event");
        if (event instanceof Map<?, ?> map) {
            X12ReadContext.of(executionContext).eventMapped(RequestAssembler.assemble((Map<String, Object>) map));
        }
    }
}
