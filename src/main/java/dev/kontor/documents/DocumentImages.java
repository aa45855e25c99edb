package dev.kontor.documents;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import javax.imageio.ImageIO;

import dev.kontor.access.Actor;
import dev.kontor.access.Permission;
import dev.kontor.access.Permissions;
import dev.kontor.access.Situation;
import dev.kontor.documents.internal.DocumentImageRepository;
import dev.kontor.shared.InvalidInputException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The letterhead's pictures: the logo, the company stamp (公章) and a signature, PNG or JPEG up to 1 MB, placed by
 * the PDF template on every document issued afterwards (documents issued before keep what they showed).
 */
@Service
public class DocumentImages {

    /** What a picture is for. */
    public enum Purpose {
        LOGO,
        STAMP,
        SIGNATURE
    }

    public static final int MAX_BYTES = 1024 * 1024;

    private final DocumentImageRepository images;
    private final Permissions permissions;
    private final Clock clock;

    DocumentImages(DocumentImageRepository images, Permissions permissions, Clock clock) {
        this.images = images;
        this.permissions = permissions;
        this.clock = clock;
    }

    /** Keeps the picture for its purpose, replacing the one before; refuses what is not a PNG or JPEG image. */
    @Transactional
    public void put(Actor actor, Purpose purpose, byte[] bytes) {
        permissions.requireAllowed(actor, Permission.SETTINGS_EDIT, Situation.NONE);
        if (bytes == null || bytes.length == 0) {
            throw InvalidInputException.of("file", "validation.required");
        }
        if (bytes.length > MAX_BYTES) {
            throw InvalidInputException.of("file", "validation.image.too-big", MAX_BYTES / 1024);
        }
        String type = FileKinds.of(bytes);
        if (type == null || FileKinds.PDF.equals(type) || !decodes(bytes)) {
            throw InvalidInputException.of("file", "validation.image.type");
        }
        images.put(purpose.name(), type, bytes, actor.displayName(), clock.instant());
    }

    @Transactional
    public void remove(Actor actor, Purpose purpose) {
        permissions.requireAllowed(actor, Permission.SETTINGS_EDIT, Situation.NONE);
        images.remove(purpose.name());
    }

    /** The picture and its media type, for the settings page's preview. */
    @Transactional(readOnly = true)
    public Optional<DocumentImageRepository.Image> get(Purpose purpose) {
        return images.find(purpose.name());
    }

    /** A purpose as a URL names it ({@code stamp}); {@code null} for anything else. */
    public static Purpose purpose(String written) {
        try {
            return Purpose.valueOf(written.toUpperCase(Locale.ROOT));
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static boolean decodes(byte[] bytes) {
        try {
            return ImageIO.read(new ByteArrayInputStream(bytes)) != null;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }
}
