package org.pagateway.x12;

import org.smooks.api.ExecutionContext;
import org.smooks.api.resource.visitor.sax.ng.BeforeVisitor;
import org.w3c.dom.Element;

/**
 * At the start of each transaction set: forget the envelope-level parties of the previous one. They are
 * retained past their own loops so each 2000E can be wired to them, so without this a dependent of one
 * transaction would show up in the next.
 */
public final class TransactionStartVisitor implements BeforeVisitor {

    private static final String[] RETAINED = { "payer", "requester", "subscriber", "dependent" };

    @Override
    public void visitBefore(Element element, ExecutionContext executionContext) {
        for (String beanId : RETAINED) {
            if (executionContext.getBeanContext().getBean(beanId) != null) {
                executionContext.getBeanContext().removeBean(beanId, null);
            }
        }
    }
}
