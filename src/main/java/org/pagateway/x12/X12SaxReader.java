package org.pagateway.x12;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDateTime;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.pagateway.model.EnvelopeRef;
import org.pagateway.x12.ack.ElementError;
import org.pagateway.x12.ack.ErrorCodes;
import org.pagateway.x12.ack.GroupAck;
import org.pagateway.x12.ack.InterchangeAck;
import org.pagateway.x12.ack.TransactionAck;
import org.smooks.api.ExecutionContext;
import org.smooks.api.resource.reader.SmooksXMLReader;
import org.xml.sax.ContentHandler;
import org.xml.sax.DTDHandler;
import org.xml.sax.EntityResolver;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.AttributesImpl;

import io.xlate.edi.stream.EDIInputFactory;
import io.xlate.edi.stream.EDIStreamEvent;
import io.xlate.edi.stream.EDIStreamException;
import io.xlate.edi.stream.EDIStreamReader;
import io.xlate.edi.stream.EDIStreamValidationError;
import io.xlate.edi.stream.Location;

/**
 * The Smooks reader for X12: StAEDI reads, checks the envelopes and validates each 278 against the
 * 005010X217 implementation schema; this class turns what StAEDI reports into SAX events for the
 * mapping and into the acknowledgment records (TA1, 999) for the listener.
 *
 * <p>The SAX vocabulary, which {@code mappings/x12-278-request.xml} selects on: {@code x12 > transaction >
 * L2000A...} (loops named by their implementation code), a segment as an element named by its tag with its
 * simple elements as attributes named by tag and two-digit position ({@code NM1/@NM103}), and each
 * composite as a child element named the same way with its components as attributes {@code c1}, {@code c2}...
 * ({@code HI/HI01/@c2}).
 * Only transactions that the 278 request schema applies to are sent to the mapping, and of those only the
 * loops, segments and composites that the mapping's selectors name ({@link MappedNames}).
 */
public final class X12SaxReader implements SmooksXMLReader {

    private static final EDIInputFactory FACTORY = newFactory();
    private static final AttributesImpl NO_ATTRIBUTES = new AttributesImpl();
    // stands for a composite the mapping does not select while its components go by
    private static final AttributesImpl SKIPPED_COMPOSITE = new AttributesImpl();
    private static final String[] COMPONENT_NAMES = componentNames();
    private static final String SUPPORTED_CONTROL_VERSION = "00501";
    private static final java.util.Set<String> HEADING_SEGMENTS = java.util.Set.of("BHT");


    private ContentHandler handler;
    private ExecutionContext executionContext;
    // which loops, segments and composites the mapping's selectors can match: only those are sent
    private MappedNames mappedNames;
    private ErrorHandler errorHandler;
    private EntityResolver entityResolver;
    private DTDHandler dtdHandler;

    // names of element positions per segment tag: "NM1" -> ["NM100", "NM101", ...]
    private final Map<String, String[]> elementNames = new HashMap<>();

    private static EDIInputFactory newFactory() {
        EDIInputFactory factory = EDIInputFactory.newFactory();
        factory.setProperty(EDIInputFactory.EDI_VALIDATE_CONTROL_STRUCTURE, true);
        factory.setProperty(EDIInputFactory.EDI_IGNORE_EXTRANEOUS_CHARACTERS, true);
        factory.setProperty(EDIInputFactory.EDI_NEST_HIERARCHICAL_LOOPS, true);
        return factory;
    }

    private static String[] componentNames() {
        String[] names = new String[100];
        for (int i = 0; i < names.length; i++) {
            names[i] = "c" + i;
        }
        return names;
    }

    @Override
    public void setExecutionContext(ExecutionContext executionContext) {
        this.executionContext = executionContext;
    }

    @Override
    public void parse(InputSource input) throws IOException, SAXException {
        InputStream bytes = input.getByteStream();
        if (bytes == null) {
            throw new SAXException("the X12 reader needs a byte stream: X12 delimiters and encodings are read from ISA");
        }
        X12ReadContext context = X12ReadContext.of(executionContext);
        mappedNames = MappedNames.of(executionContext);
        handler.startDocument();
        handler.startElement("", "x12", "x12", NO_ATTRIBUTES);
        new Pass(context).run(new X12InputNormalizer(bytes));
        handler.endElement("", "x12", "x12");
        handler.endDocument();
    }

    @Override
    public void parse(String systemId) throws SAXException {
        throw new SAXException("the X12 reader reads streams only");
    }

    /** One read of one input: all the state of interchange, group and transaction in progress. */
    private final class Pass {
        private final X12ReadContext context;
        private final X12Listener listener;
        private EDIStreamReader reader;

        private final String[] isa = new String[17];
        private final String[] gs = new String[9];
        private final String[] st = new String[4];
        private final String[] bht = new String[7];
        private final String[] ge = new String[3];
        private final String[] iea = new String[3];

        private InterchangeHeader interchange;
        private GroupHeader group;
        private String interchangeNote = "000";
        private String interchangeProblem;
        private boolean inInterchange;
        // TA1 R: nothing in this interchange is processed
        private boolean refused;
        // AK9 R without AK2s: the group header itself is unusable, nothing in it is processed
        private boolean groupRefused;
        // something in this interchange was handed on for processing (decides TA104 E vs R at a late error)
        private boolean processedAny;
        // ST02 cannot be echoed in an AK2 (RFI 1339): the set is left out and the group says so in AK905
        private boolean unidentifiableSet;
        private int groupReceived;
        private boolean inGroup;

        private final List<TransactionAck> groupTransactions = new ArrayList<>();
        private final List<String> groupErrors = new ArrayList<>();

        private boolean inTransaction;
        private boolean mapping;
        private int segmentPosition;
        private String segmentTag;
        private String[] names;
        private final Deque<String> loops = new ArrayDeque<>();
        private final TransactionErrors errors = new TransactionErrors();
        private final TransactionChecks checks = new TransactionChecks();

        private final X12Limits limits;
        private long interchangeSegments;
        // the set went over the segment limit: nothing more of it is mapped or recorded
        private boolean setTooLong;
        // loops of the set in progress that the mapping has been told about (the outermost ones), whether
        // sent as SAX elements or left out because no selector names them
        private int emittedLoops;
        // for each of those, outermost last: whether it was sent
        private final Deque<Boolean> loopsSent = new ArrayDeque<>();
        // names of the loops sent, innermost first: the parent of what comes next
        private final Deque<String> sentLoopNames = new ArrayDeque<>();
        // the segment in progress goes to the mapping
        private boolean segmentSent;

        private X12InputNormalizer input;

        Pass(X12ReadContext context) {
            this.context = context;
            this.listener = context.listener();
            this.limits = context.limits();
        }

        void run(X12InputNormalizer in) throws SAXException {
            input = in;
            reader = FACTORY.createEDIStreamReader(in);
            try {
                while (reader.hasNext()) {
                    event(reader.next());
                }
                if (inInterchange) {
                    unreadable("023", "the input ended inside an interchange (no IEA)");
                }
            } catch (InterchangeTooLarge e) {
                // read no further: what was taken stays taken (TA1 E), nothing was (TA1 R)
                closeMapping();
                unreadable("024", "the interchange has more than " + limits.interchangeSegments() + " segments");
            } catch (EDIStreamException e) {
                String message = describe(e);
                boolean endOfFile = message.contains("EDIE005") || message.toLowerCase().contains("end of stream");
                unreadable(endOfFile ? "023" : inInterchange ? "024" : "022", message);
            } finally {
                try {
                    reader.close();
                } catch (IOException ignored) {
                    // nothing more to read either way
                }
            }
        }

        private void event(EDIStreamEvent event) throws SAXException {
            switch (event) {
                case START_INTERCHANGE -> startInterchange();
                case END_INTERCHANGE -> endInterchange();
                case START_GROUP -> startGroup();
                case END_GROUP -> endGroup();
                case START_TRANSACTION -> startTransaction();
                case END_TRANSACTION -> endTransaction();
                case START_LOOP -> startLoop();
                case END_LOOP -> endLoop();
                case START_SEGMENT -> startSegment();
                case END_SEGMENT -> endSegment();
                case START_COMPOSITE -> startComposite();
                case END_COMPOSITE -> endComposite();
                case ELEMENT_DATA -> elementData();
                case SEGMENT_ERROR -> segmentError();
                case ELEMENT_DATA_ERROR, ELEMENT_OCCURRENCE_ERROR -> elementError();
                default -> {
                    // binary data has no place in a 278
                }
            }
        }

        private void startInterchange() {
            inInterchange = true;
            interchangeSegments = 0;
            refused = false;
            processedAny = false;
            interchangeNote = "000";
            interchangeProblem = null;
            java.util.Arrays.fill(isa, null);
            java.util.Arrays.fill(iea, null);
            interchange = null;
        }

        private InterchangeHeader interchangeHeader() {
            if (interchange == null && isa[13] != null) {
                String problem = isaProblem();
                // an ISA already refused for its form (a bad qualifier, 005) says that, not who sent it
                if (problem == null && !refused && !listener.knownSender(trim(isa[5]), trim(isa[6]))) {
                    problem = "006 ISA05/ISA06 " + trim(isa[5]) + "/" + trim(isa[6]) + " is not a trading partner of this gateway";
                }
                if (problem != null) {
                    // nothing inside an interchange refused at its ISA is processed
                    refused = true;
                    interchangeNote = problem.substring(0, 3);
                    interchangeProblem = problem.substring(4);
                }
                interchange = new InterchangeHeader(trim(isa[5]), trim(isa[6]), trim(isa[7]), trim(isa[8]), isa[9],
                        isa[10], isa[12], isa[13], "1".equals(isa[14]), isa[15]);
                listener.interchangeStarted(interchange);
            }
            return interchange;
        }

        /**
         * What StAEDI's control schema lets through but the ISA still gets wrong, as "TA105 description": a
         * version that is not an X12 control version (017) or not the one the gateway takes (003), a sender or
         * receiver ID of blanks (006, 008), authorization or security information sent with qualifier 00 "none"
         * (011, 013).
         */
        private String isaProblem() {
            String version = isa[12] == null ? "" : isa[12];
            if (!version.matches("00[2-8]\\d\\d")) {
                return "017 ISA12 " + version + " is not an X12 interchange control version";
            }
            if (!SUPPORTED_CONTROL_VERSION.equals(version)) {
                return "003 ISA12 control version " + version + " is not supported; send 00501";
            }
            if (trim(isa[6]) == null || trim(isa[6]).isEmpty()) {
                return "006 ISA06 interchange sender ID is blank";
            }
            if (trim(isa[8]) == null || trim(isa[8]).isEmpty()) {
                return "008 ISA08 interchange receiver ID is blank";
            }
            if ("00".equals(isa[1]) && isa[2] != null && !isa[2].isBlank()) {
                return "011 ISA02 carries authorization information although ISA01 is 00 (none)";
            }
            if ("00".equals(isa[3]) && isa[4] != null && !isa[4].isBlank()) {
                return "013 ISA04 carries security information although ISA03 is 00 (none)";
            }
            return null;
        }

        private void endInterchange() {
            InterchangeHeader header = interchangeHeader();
            listener.interchangeEnded(header, interchangeAck(header, interchangeNote, interchangeProblem, processedAny));
            inInterchange = false;
            // whatever follows (another interchange, or junk) must not be answered in this one's name
            interchange = null;
            java.util.Arrays.fill(isa, null);
        }

        private void startGroup() {
            interchangeHeader();
            inGroup = true;
            java.util.Arrays.fill(gs, null);
            java.util.Arrays.fill(ge, null);
            group = null;
            groupRefused = false;
            groupReceived = 0;
            groupTransactions.clear();
            groupErrors.clear();
        }

        private GroupHeader groupHeader() {
            if (group == null) {
                group = new GroupHeader(gs[1], gs[2], gs[3], gs[4], gs[5], gs[6], gs[8]);
            }
            return group;
        }

        private void endGroup() {
            if (refused) {
                inGroup = false;
                return;
            }
            int declared = parseCount(ge[1], groupTransactions.size());
            listener.groupEnded(groupHeader(), new GroupAck(gs[1], gs[6], gs[8], declared, groupReceived,
                    groupRefused ? List.of() : groupTransactions, groupErrors, groupRefused));
            inGroup = false;
        }

        private void startTransaction() {
            inTransaction = true;
            setTooLong = false;
            emittedLoops = 0;
            loopsSent.clear();
            sentLoopNames.clear();
            java.util.Arrays.fill(dtp, null);
            java.util.Arrays.fill(hl, null);
            mapping = false;
            segmentPosition = 0;
            loops.clear();
            errors.reset();
            checks.reset();
            java.util.Arrays.fill(st, null);
            unidentifiableSet = false;
            // ST is not read yet: validate against the 278 request schema now, decide at the end of ST
            // whether this set is one the gateway takes (see supported()).
            reader.setTransactionSchema(X12Schemas.get().request278());
        }

        /** A 278 of the 005010X217 implementation: ST03 says so, or GS08 when ST03 is absent. */
        private boolean supported() {
            return "278".equals(st[1]) && isX217(implementation());
        }

        /** The implementation convention of the set being read: ST03, or GS08 when ST03 is absent. */
        private String implementation() {
            return st[3] != null ? st[3] : gs[8];
        }

        private boolean isX217(String version) {
            return version != null && version.startsWith(X12Schemas.X217);
        }

        private void endTransaction() throws SAXException {
            String implementation = implementation();
            if (!"278".equals(st[1])) {
                // not a 278: the 278 schema's complaints about it say nothing useful
                errors.notSupported();
            } else if (!isX217(implementation)) {
                // IK502 19: the 278 is not the 005010X217 implementation this gateway takes
                errors.setCode("19");
            }
            if (st[1] == null || st[1].length() != 3 || !X12Out.echoable(st[1]) || !X12Out.echoable(st[2])) {
                // AK201 (ID 3/3) and AK202 echo ST01 and ST02: a set they cannot name is left out, as for RFI 1339
                unidentifiableSet = true;
            }
            TransactionAck ack = errors.ack(st[1], st[2], implementation);
            groupReceived++;
            if (unidentifiableSet) {
                addGroupError("5");
            } else {
                groupTransactions.add(ack);
            }
            if (mapping) {
                handler.endElement("", "transaction", "transaction");
            }
            List<org.pagateway.model.AuthorizationRequest> requests = context.takeMapped();
            boolean take = ack.accepted() && !unidentifiableSet && !groupRefused && !refused;
            if (take) {
                EnvelopeRef ref = envelopeRef();
                requests = requests.stream().map(r -> r.withEnvelope(ref)).toList();
            } else {
                requests = List.of();
            }
            if (!refused && !groupRefused && !unidentifiableSet) {
                processedAny |= take;
                listener.transaction(new ReadTransaction(interchangeHeader(), groupHeader(), ack, requests));
            }
            inTransaction = false;
            mapping = false;
        }

        private EnvelopeRef envelopeRef() {
            InterchangeHeader i = interchangeHeader();
            GroupHeader g = groupHeader();
            return new EnvelopeRef(i.senderQualifier(), i.senderId(), i.receiverQualifier(), i.receiverId(),
                    i.controlNumber(), i.usage(), g.applicationSender(), g.applicationReceiver(), g.controlNumber(),
                    implementation(), st[2], bht[3], bht[4], bht[5]);
        }

        private void startLoop() throws SAXException {
            String code = reader.getReferenceCode();
            loops.push(code);
            if (mapping && !setTooLong) {
                String name = loopName(code);
                boolean send = mappedNames.sends(name, parentName());
                if (send) {
                    handler.startElement("", name, name, NO_ATTRIBUTES);
                    sentLoopNames.push(name);
                }
                loopsSent.push(send);
                emittedLoops = loops.size();
            }
        }

        private void endLoop() throws SAXException {
            String code = loops.isEmpty() ? null : loops.pop();
            // a loop opened after the set went over its limit was never told to the mapping
            if (mapping && code != null && loops.size() < emittedLoops) {
                endSentLoop();
                emittedLoops = loops.size();
            }
        }

        private String loopName(String code) {
            return "L" + code;
        }

        private void endSentLoop() throws SAXException {
            if (!loopsSent.isEmpty() && loopsSent.pop()) {
                String name = sentLoopNames.pop();
                handler.endElement("", name, name);
            }
        }

        /** The SAX element what comes next is a child of: the innermost loop sent, else the transaction. */
        private String parentName() {
            String loop = sentLoopNames.peek();
            return loop != null ? loop : "transaction";
        }

        // One SAX element per segment, its simple elements as attributes, each composite a child element
        // with its components as attributes: Smooks pays per SAX element, so a segment costs one or two.
        private final AttributesImpl segmentAttributes = new AttributesImpl();
        private final List<String> compositeNames = new ArrayList<>();
        private final List<AttributesImpl> compositeAttributes = new ArrayList<>();
        private int compositeCount;
        private AttributesImpl composite;

        private void startSegment() {
            segmentTag = reader.getText();
            names = elementNames.computeIfAbsent(segmentTag, X12SaxReader::positionNames);
            segmentAttributes.clear();
            compositeCount = 0;
            segmentSent = false;
            if (++interchangeSegments > limits.interchangeSegments()) {
                throw new InterchangeTooLarge();
            }
            if (inTransaction) {
                segmentPosition++;
                if (segmentPosition > limits.setSegments() && !setTooLong) {
                    // IK304 5, segment exceeds maximum use: the first segment past what the gateway takes in one set
                    errors.segment(segmentTag, segmentPosition, loops.peek(), "5");
                    setTooLong = true;
                }
                if ("BHT".equals(segmentTag)) {
                    java.util.Arrays.fill(bht, null);
                }
            }
            segmentSent = emitting() && mappedNames.sends(segmentTag, parentName());
        }

        private void endSegment() throws SAXException {
            if (inTransaction && setTooLong) {
                // the set is rejected already; checking the rest would only grow its 999
            } else if (inTransaction && "DTP".equals(segmentTag)) {
                checkDate();
            } else if (inTransaction && "HL".equals(segmentTag)) {
                checkHierarchy();
            } else if ("GS".equals(segmentTag) && !refused) {
                checkGroupKind();
            }
            if (inTransaction && "ST".equals(segmentTag)) {
                mapping = supported();
                if (mapping) {
                    handler.startElement("", "transaction", "transaction", NO_ATTRIBUTES);
                }
            } else if (segmentSent && emitting()) {
                handler.startElement("", segmentTag, segmentTag, segmentAttributes);
                for (int i = 0; i < compositeCount; i++) {
                    String name = compositeNames.get(i);
                    handler.startElement("", name, name, compositeAttributes.get(i));
                    handler.endElement("", name, name);
                }
                handler.endElement("", segmentTag, segmentTag);
            }
            segmentTag = null;
        }

        private boolean emitting() {
            return inTransaction && mapping && !setTooLong && segmentTag != null && !"ST".equals(segmentTag) && !"SE".equals(segmentTag);
        }

        private void startComposite() {
            if (segmentSent && emitting()) {
                String name = elementName(reader.getLocation().getElementPosition());
                if (!mappedNames.sends(name, segmentTag)) {
                    // its components must not land on the segment as simple elements either
                    composite = SKIPPED_COMPOSITE;
                    return;
                }
                if (compositeCount == compositeAttributes.size()) {
                    compositeAttributes.add(new AttributesImpl());
                    compositeNames.add(null);
                }
                composite = compositeAttributes.get(compositeCount);
                composite.clear();
                compositeNames.set(compositeCount, name);
                compositeCount++;
            }
        }

        private void endComposite() {
            composite = null;
        }

        private String elementName(int position) {
            return position < names.length ? names[position] : segmentTag + position;
        }

        private void elementData() {
            Location location = reader.getLocation();
            int position = location.getElementPosition();
            if (segmentTag == null) {
                return;
            }
            captureEnvelope(position, location.getComponentPosition());
            if (!segmentSent || !emitting() || reader.getTextLength() == 0 || composite == SKIPPED_COMPOSITE) {
                return;
            }
            if (composite != null) {
                String name = COMPONENT_NAMES[Math.min(location.getComponentPosition(), 99)];
                composite.addAttribute("", name, name, "CDATA", reader.getText());
            } else if (location.getElementOccurrence() <= 1) {
                String name = elementName(position);
                segmentAttributes.addAttribute("", name, name, "CDATA", reader.getText());
            }
            // a second repetition of a simple element has nowhere to go as an attribute; no 278 field the
            // mapping uses repeats
        }

        private final String[] dtp = new String[4];
        private final String[] hl = new String[5];

        /**
         * The gateway takes 278 requests only (GS01 HI, GS08 005010X217): a group of anything else, or of
         * another version, is refused whole (AK905 1 or 2) rather than set by set.
         */
        private void checkGroupKind() {
            if (!"HI".equals(gs[1])) {
                groupRefused = true;
                addGroupError("1");
            } else if (!isX217(gs[8])) {
                groupRefused = true;
                addGroupError("2");
            }
        }

        private void checkHierarchy() {
            for (ElementError error : checks.checkHierarchy(hl[1], hl[2], hl[3])) {
                errors.element("HL", segmentPosition, loops.peek(), error);
            }
            java.util.Arrays.fill(hl, null);
        }

        private void checkDate() {
            TransactionChecks.checkDate(dtp[2], dtp[3]).ifPresent(error -> errors.element("DTP", segmentPosition,
                    loops.peek(), error));
            java.util.Arrays.fill(dtp, null);
        }

        private void captureEnvelope(int position, int component) {
            if (component > 1) {
                return;
            }
            String[] target = switch (segmentTag) {
                case "ISA" -> isa;
                case "GS" -> gs;
                case "ST" -> st;
                case "BHT" -> bht;
                case "DTP" -> dtp;
                case "HL" -> hl;
                case "GE" -> ge;
                case "IEA" -> iea;
                default -> null;
            };
            if (target != null && position > 0 && position < target.length) {
                target[position] = reader.getText();
            }
        }

        private void segmentError() {
            if (inTransaction && setTooLong) {
                return;
            }
            EDIStreamValidationError error = reader.getErrorType();
            if (!inTransaction || !inGroup) {
                envelopeSegmentProblem(error, reader.getText());
                return;
            }
            String text = reader.getText();
            String reference = reader.getReferenceCode();
            String tag = segmentIdOf(text != null ? text : reference);
            // a loop error names its loop (2010A) in the reference; a heading segment has no loop
            String loop = reference != null && reference.matches("\\d{4}[A-Z]*") ? reference
                    : HEADING_SEGMENTS.contains(tag) ? null : loops.peek();
            if ("SE".equals(tag) && error == EDIStreamValidationError.MANDATORY_SEGMENT_MISSING) {
                errors.setCode("2");
                return;
            }
            // StAEDI reports a segment error before the segment it was found at: that one is next
            int position = segmentPosition + 1;
            errors.segment(tag, position, loop, ErrorCodes.segmentCode(error));
        }

        private void elementError() {
            if (inTransaction && setTooLong) {
                return;
            }
            EDIStreamValidationError error = reader.getErrorType();
            Location location = reader.getLocation();
            String tag = segmentTag != null ? segmentTag : location.getSegmentTag();
            if (!inTransaction || "SE".equals(tag) || "ST".equals(tag)) {
                if ("ST".equals(tag) && location.getElementPosition() == 2) {
                    unidentifiableSet = true;
                } else if ("SE".equals(tag) || "ST".equals(tag)) {
                    errors.setCode(transactionSetCode(error, tag, location.getElementPosition()));
                } else {
                    envelopeProblem(error, tag, location.getElementPosition());
                }
                return;
            }
            if (error == EDIStreamValidationError.TOO_MANY_COMPONENTS && location.getComponentPosition() <= 1) {
                // StAEDI also flags the first component of a simple element sent with components; the
                // surplus starts at the second
                return;
            }
            String reference = referenceNumber();
            ElementError elementError = new ElementError(location.getElementPosition(),
                    Math.max(location.getComponentPosition(), 0), Math.max(location.getElementOccurrence(), 0),
                    reference, ErrorCodes.elementCode(error), badData(error));
            errors.element(tag, segmentPosition, loops.peek(), elementError);
        }

        private String badData(EDIStreamValidationError error) {
            return switch (error) {
                case REQUIRED_DATA_ELEMENT_MISSING, IMPLEMENTATION_DEPENDENT_DATA_ELEMENT_MISSING,
                        CONDITIONAL_REQUIRED_DATA_ELEMENT_MISSING, IMPLEMENTATION_TOO_FEW_REPETITIONS -> null;
                default -> {
                    String text = reader.hasText() ? reader.getText() : null;
                    yield text == null || text.isEmpty() ? null : text;
                }
            };
        }

        /** IK402: the data element reference number, when StAEDI knows it and it is a plain element number. */
        private String referenceNumber() {
            String code = reader.getReferenceCode();
            return code != null && !code.isEmpty() && code.chars().allMatch(Character::isDigit) ? code : null;
        }

        private String transactionSetCode(EDIStreamValidationError error, String tag, int element) {
            return switch (error) {
                case CONTROL_REFERENCE_MISMATCH -> "3";
                case CONTROL_COUNT_DOES_NOT_MATCH_ACTUAL_COUNT -> "4";
                default -> "ST".equals(tag) && element == 1 ? "6" : "ST".equals(tag) && element == 2 ? "7" : "5";
            };
        }

        /** A segment missing or out of place outside a transaction set: GE missing, an ST with no GS... */
        private void envelopeSegmentProblem(EDIStreamValidationError error, String tag) {
            if (inGroup && "GE".equals(tag)) {
                addGroupError("3");
            } else if (inGroup) {
                addGroupError("6");
            } else {
                refuseInterchange("022", describe(error) + " (" + tag + ")");
            }
        }

        /** An element of ISA, GS, GE or IEA in error. */
        private void envelopeProblem(EDIStreamValidationError error, String tag, int element) {
            String where = tag + String.format("%02d", element);
            switch (tag) {
                case "GS" -> {
                    if (element == 8) {
                        // AK103 echoes GS08: without a usable one the group cannot be acknowledged in a 999
                        refuseInterchange("024", "GS08 " + describe(error));
                    } else {
                        groupRefused = true;
                        addGroupError(element == 6 ? "6" : "1");
                    }
                }
                case "GE" -> addGroupError(switch (error) {
                    case CONTROL_REFERENCE_MISMATCH -> "4";
                    case CONTROL_COUNT_DOES_NOT_MATCH_ACTUAL_COUNT -> "5";
                    default -> "6";
                });
                case "IEA" -> {
                    // the trailer: what came before it was read and processed, so TA104 E
                    if ("000".equals(interchangeNote)) {
                        interchangeNote = switch (error) {
                            case CONTROL_REFERENCE_MISMATCH -> "001";
                            case CONTROL_COUNT_DOES_NOT_MATCH_ACTUAL_COUNT -> "021";
                            default -> "024";
                        };
                        interchangeProblem = describe(error) + " at " + where;
                    }
                }
                default -> refuseInterchange(isaNoteCode(where), describe(error) + " at " + where);
            }
        }

        /** Ends what the mapping was told of the set in progress, so the SAX document stays whole when reading stops. */
        private void closeMapping() throws SAXException {
            if (!inTransaction || !mapping) {
                return;
            }
            while (loops.size() > emittedLoops) {
                loops.pop();
            }
            while (!loops.isEmpty()) {
                loops.pop();
                endSentLoop();
            }
            emittedLoops = 0;
            handler.endElement("", "transaction", "transaction");
            context.takeMapped();
            mapping = false;
            inTransaction = false;
        }

        private void addGroupError(String code) {
            if (!groupErrors.contains(code)) {
                groupErrors.add(code);
            }
        }

        private void refuseInterchange(String note, String problem) {
            if (refused) {
                return;
            }
            refused = true;
            interchangeNote = note;
            interchangeProblem = problem;
        }

        private void unreadable(String note, String description) {
            if (inGroup && gs[8] == null) {
                // the GS itself broke off: a 999 cannot name the group (AK103 echoes GS08), the TA1 says it all
                inGroup = false;
            } else if (inGroup) {
                // the input broke off after (or inside) a group: acknowledge the sets that were read whole
                if (ge[2] == null) {
                    addGroupError("3");
                }
                endGroup();
            }
            InterchangeHeader header = interchange;
            if (header == null && isa[13] != null) {
                header = interchangeHeader();
            }
            if (header == null) {
                // StAEDI could not read the ISA: take who sent it, and when, from the raw fields so the TA1
                // can go back naming the interchange
                String[] fields = input.lastIsaFields();
                if (fields.length > 8) {
                    header = new InterchangeHeader(fields[5].trim(), fields[6].trim(), fields[7].trim(), fields[8].trim(),
                            fields.length > 10 ? fields[9].trim() : null, fields.length > 10 ? fields[10].trim() : null,
                            null, input.lastInterchangeControlNumber(), false,
                            fields.length > 15 ? fields[15].trim() : null);
                }
            }
            listener.interchangeEnded(header, interchangeAck(header, note, description, processedAny));
            inInterchange = false;
        }
    }

    /** Thrown where an interchange goes over its segment limit: reading stops there. */
    private static final class InterchangeTooLarge extends RuntimeException {
        InterchangeTooLarge() {
            super(null, null, false, false);
        }
    }

    /** Loop errors name the loop (L2000, L2010); the 999 names the segment that starts it. */
    static String segmentIdOf(String text) {
        if (text == null || text.startsWith("L2000")) {
            return "HL";
        }
        if (text.startsWith("L2010")) {
            return "NM1";
        }
        return text;
    }

    /** TA105 for a problem in an ISA element. */
    static String isaNoteCode(String where) {
        if (where == null || !where.startsWith("ISA") || where.length() < 5) {
            return "024";
        }
        return switch (where.substring(3)) {
            case "01" -> "010";
            case "02" -> "011";
            case "03" -> "012";
            case "04" -> "013";
            case "05" -> "005";
            case "06" -> "006";
            case "07" -> "007";
            case "08" -> "008";
            case "09" -> "014";
            case "10" -> "015";
            case "11" -> "026";
            case "12" -> "017";
            case "13" -> "018";
            case "14" -> "019";
            case "15" -> "020";
            case "16" -> "027";
            default -> "024";
        };
    }

    static InterchangeAck interchangeAck(InterchangeHeader header, String note, String description, boolean processed) {
        LocalDateTime now = LocalDateTime.now();
        return new InterchangeAck(header != null ? header.controlNumber() : null,
                header != null && header.date() != null ? header.date() : now.format(X12Out.YYMMDD),
                header != null && header.time() != null ? header.time() : now.format(X12Out.HHMM), note,
                header != null && header.ackRequested(), description, processed);
    }

    private static String describe(EDIStreamValidationError error) {
        return error.name().toLowerCase().replace('_', ' ');
    }

    private static String describe(Exception e) {
        String message = e.getMessage();
        return message == null ? e.getClass().getSimpleName() : message;
    }

    /** GE01 for AK902, which echoes it as N0 1/6: anything else (-1, 1234567, X) counts as absent. */
    private static int parseCount(String value, int fallback) {
        return value != null && value.trim().matches("\\d{1,6}") ? Integer.parseInt(value.trim()) : fallback;
    }

    private static String trim(String value) {
        return value == null ? null : value.trim();
    }

    private static String[] positionNames(String tag) {
        String[] names = new String[100];
        for (int i = 0; i < names.length; i++) {
            names[i] = tag + (i < 10 ? "0" + i : String.valueOf(i));
        }
        return names;
    }

    // --- org.xml.sax.XMLReader plumbing ---

    @Override
    public void setContentHandler(ContentHandler handler) {
        this.handler = handler;
    }

    @Override
    public ContentHandler getContentHandler() {
        return handler;
    }

    @Override
    public boolean getFeature(String name) {
        return false;
    }

    @Override
    public void setFeature(String name, boolean value) {
        // no features: the X12 vocabulary is fixed
    }

    @Override
    public Object getProperty(String name) {
        return null;
    }

    @Override
    public void setProperty(String name, Object value) {
        // no properties
    }

    @Override
    public void setEntityResolver(EntityResolver resolver) {
        this.entityResolver = resolver;
    }

    @Override
    public EntityResolver getEntityResolver() {
        return entityResolver;
    }

    @Override
    public void setDTDHandler(DTDHandler handler) {
        this.dtdHandler = handler;
    }

    @Override
    public DTDHandler getDTDHandler() {
        return dtdHandler;
    }

    @Override
    public void setErrorHandler(ErrorHandler handler) {
        this.errorHandler = handler;
    }

    @Override
    public ErrorHandler getErrorHandler() {
        return errorHandler;
    }
}
