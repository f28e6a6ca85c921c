package org.pagateway.x12;

import java.util.HashMap;
import java.util.Map;

import javax.inject.Inject;
import javax.inject.Named;

import org.smooks.api.ExecutionContext;
import org.smooks.api.resource.visitor.sax.ng.AfterVisitor;
import org.smooks.api.resource.visitor.sax.ng.BeforeVisitor;
import org.w3c.dom.Element;

import jakarta.annotation.PostConstruct;

/**
 * Starts one item of a list for the mapping: at the selected element (a loop such as L2010EA) a new map is
 * added to the bean context as {@code beanId}, for {@link SegmentBinding}s to fill, and appended to the list
 * {@code appendTo} ("event.providers": property providers of bean event, a list made on first use). At the
 * end of the element the bean leaves the context again.
 *
 * <p>It does what a {@code jb:bean} for the item plus a {@code jb:bean} ArrayList wired into the parent would,
 * without the list bean and its wiring: those are visitors on the parent loop (L2000E), and Smooks runs every
 * visitor of a loop once more for each child element of the loop, which made them the largest share of the
 * mapping's cost.
 */
public final class ListItemBean implements BeforeVisitor, AfterVisitor {

    @Inject
    @Named("beanId")
    private String beanId;

    @Inject
    @Named("appendTo")
    private String appendTo;

    private ListTarget target;

    @PostConstruct
    public void parseTarget() {
        target = ListTarget.parse(appendTo, "ListItemBean " + beanId);
    }

    @Override
    public void visitBefore(Element element, ExecutionContext executionContext) {
        Map<String, Object> item = new HashMap<>();
        target.append(executionContext, item);
        executionContext.getBeanContext().addBean(beanId, item);
    }

    @Override
    public void visitAfter(Element element, ExecutionContext executionContext) {
        if (executionContext.getBeanContext().getBean(beanId) != null) {
            executionContext.getBeanContext().removeBean(beanId, null);
        }
    }
}
