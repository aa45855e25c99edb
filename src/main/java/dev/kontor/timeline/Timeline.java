package dev.kontor.timeline;

import java.util.List;

import dev.kontor.timeline.internal.TimelineRepository;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Records and reads timelines. */
@Service
public class Timeline {

    private final TimelineRepository repository;
    private final ApplicationEventPublisher events;

    Timeline(TimelineRepository repository, ApplicationEventPublisher events) {
        this.repository = repository;
        this.events = events;
    }

    /** Appends an entry; must run inside the transaction that makes the change it describes. */
    @Transactional(propagation = Propagation.MANDATORY)
    public TimelineEntry record(TimelineEntry entry) {
        TimelineEntry recorded = repository.insert(entry);
        events.publishEvent(new TimelineRecorded(List.of(recorded)));
        return recorded;
    }

    /**
     * Appends an entry a listener writes after the event's transaction committed, once: {@code eventKey} names the
     * event (the same delivery again, after a resubmission, writes nothing). Answers whether it was written.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean recordOnce(String eventKey, TimelineEntry entry) {
        boolean written = repository.insertOnce(eventKey, entry);
        if (written) {
            events.publishEvent(new TimelineRecorded(List.of(entry)));
        }
        return written;
    }

    /** Appends many entries in one statement; must run inside the transaction that makes the changes. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void recordAll(List<TimelineEntry> entries) {
        repository.insertAll(entries);
        if (!entries.isEmpty()) {
            events.publishEvent(new TimelineRecorded(entries));
        }
    }

    /** The subject's history, newest first. */
    @Transactional(readOnly = true)
    public List<TimelineEntry> of(String subjectType, long subjectId) {
        return repository.findBySubject(subjectType, subjectId);
    }
}
