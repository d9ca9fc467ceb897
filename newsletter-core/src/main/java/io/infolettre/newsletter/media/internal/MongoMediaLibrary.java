package io.infolettre.newsletter.media.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.gridfs.GridFSBucket;
import com.mongodb.client.gridfs.GridFSBuckets;
import com.mongodb.client.gridfs.GridFSDownloadStream;
import com.mongodb.client.gridfs.model.GridFSUploadOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import io.infolettre.newsletter.media.MediaFile;
import io.infolettre.newsletter.media.MediaInUse;
import io.infolettre.newsletter.media.MediaLibrary;
import io.infolettre.newsletter.media.MediaNotFound;
import io.infolettre.newsletter.media.MediaReferences;
import io.infolettre.newsletter.media.MediaRejected;
import io.infolettre.newsletter.media.MediaSettings;
import io.infolettre.newsletter.media.MediaUse;
import io.infolettre.newsletter.media.ServedMedia;
import io.infolettre.newsletter.tracking.TrackingSettings;
import jakarta.annotation.PostConstruct;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * The library in MongoDB: each file of an image in GridFS (bucket {@code media}, the driver's
 * {@link GridFSBucket}, so that MongoDB's own tools read it and every node serves it), and one
 * document per image in {@code media} naming its files, its public key and what the coordinator
 * called it. The files are read whole (a few hundred kilobytes each) and the latest served are kept
 * in memory ({@link ServedFileCache}): a send asks for the same few files once per recipient.
 */
@Component
class MongoMediaLibrary implements MediaLibrary {

	static final String COLLECTION = "media";

	static final String BUCKET = "media";

	private static final Logger log = LoggerFactory.getLogger(MongoMediaLibrary.class);

	private final MongoTemplate mongo;

	private final GridFSBucket bucket;

	private final MediaSettings settings;

	private final String publicUrl;

	private final ImageProcessor processor;

	private final ObjectProvider<MediaReferences> references;

	private final Clock clock;

	private final ServedFileCache cache;

	// one image processed at a time: a 40-megapixel photo takes a few hundred megabytes while it is
	private final Semaphore processing = new Semaphore(1, true);

	MongoMediaLibrary(MongoTemplate mongo, MediaSettings settings, TrackingSettings tracking,
			ObjectProvider<MediaReferences> references, Clock clock) {
		this.mongo = mongo;
		this.bucket = GridFSBuckets.create(mongo.getDb(), BUCKET);
		this.settings = settings;
		this.publicUrl = tracking.publicUrl().replaceAll("/+$", "");
		this.processor = new ImageProcessor(settings);
		this.references = references;
		this.clock = clock;
		this.cache = new ServedFileCache(settings.cacheSize().toBytes());
	}

	@PostConstruct
	void createIndexes() {
		MongoCollection<Document> media = media();
		media.createIndex(Indexes.ascending("key"), new IndexOptions().unique(true).name("media_key"));
		media.createIndex(Indexes.descending("uploadedAt"), new IndexOptions().name("media_uploaded"));
		// GridFS's own indexes, as the driver names them (it creates them too, at the first upload)
		MongoCollection<Document> files = this.mongo.getCollection(BUCKET + ".files");
		files.createIndex(Indexes.ascending("filename", "uploadDate"), new IndexOptions().name("filename_1_uploadDate_1"));
		MongoCollection<Document> chunks = this.mongo.getCollection(BUCKET + ".chunks");
		chunks.createIndex(Indexes.ascending("files_id", "n"), new IndexOptions().unique(true).name("files_id_1_n_1"));
	}

	@Override
	public MediaFile upload(String name, InputStream content, long declaredSize) {
		return upload(name, BoundedUpload.read(content, declaredSize, this.settings));
	}

	@Override
	public MediaFile upload(String name, byte[] content) {
		if (content.length > this.settings.maxUploadSize().toBytes()) {
			throw BoundedUpload.tooLarge(this.settings);
		}
		long start = System.nanoTime();
		List<Rendition> renditions = processed(content);
		String key = PublicKeys.next();
		List<Document> files = new ArrayList<>();
		try {
			for (Rendition rendition : renditions) {
				files.add(store(key, rendition));
			}
			Document image = MediaDocuments.image(name, key, this.clock.instant(), files);
			media().insertOne(image);
			log.info("Image {} stored in {} ms: {}", image.getObjectId("_id"), (System.nanoTime() - start) / 1_000_000,
					files.stream().map(file -> file.getString("name") + " " + file.getLong("bytes") + " B").toList());
			return MediaDocuments.toMediaFile(image, this.publicUrl);
		}
		catch (RuntimeException ex) {
			// nothing of a failed upload stays
			files.forEach(file -> deleteQuietly(file.getObjectId("fileId")));
			throw ex;
		}
	}

	private List<Rendition> processed(byte[] content) {
		boolean turn;
		try {
			turn = this.processing.tryAcquire(this.settings.processingWait().toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new MediaRejected("Le traitement de l’image a été interrompu ; réessayez.");
		}
		if (!turn) {
			throw new MediaRejected("Le serveur traite déjà d’autres images : réessayez dans un moment.");
		}
		try {
			return this.processor.process(content);
		}
		finally {
			this.processing.release();
		}
	}

	private Document store(String key, Rendition rendition) {
		byte[] bytes = rendition.bytes();
		var options = new GridFSUploadOptions().metadata(new Document("contentType", rendition.contentType()));
		ObjectId fileId = this.bucket.uploadFromStream(key + "/" + rendition.fileName(), new ByteArrayInputStream(bytes),
				options);
		return MediaDocuments.file(rendition, fileId);
	}

	@Override
	public Optional<MediaFile> find(String id) {
		return document(id).map(image -> MediaDocuments.toMediaFile(image, this.publicUrl));
	}

	private Optional<Document> document(String id) {
		if (id == null || !ObjectId.isValid(id)) {
			return Optional.empty();
		}
		return Optional.ofNullable(media().find(Filters.eq("_id", new ObjectId(id))).first());
	}

	@Override
	public List<MediaFile> list(String search) {
		var filter = search == null || search.isBlank() ? new Document()
				: Filters.regex("search", Pattern.quote(MediaDocuments.searchable(search)));
		List<MediaFile> found = new ArrayList<>();
		media().find(filter).sort(Sorts.descending("uploadedAt")).limit(LIST_LIMIT).forEach(image -> found.add(MediaDocuments.toMediaFile(image, this.publicUrl)));
		return found;
	}

	@Override
	public List<MediaUse> usesOf(String id) {
		return this.references.orderedStream().flatMap(reference -> reference.usesOf(id).stream()).toList();
	}

	@Override
	public void delete(String id) {
		Document image = document(id).orElseThrow(() -> new MediaNotFound(id));
		List<MediaUse> uses = usesOf(id);
		if (!uses.isEmpty()) {
			throw new MediaInUse(id, uses);
		}
		// the document first: a file left without it is never served, a document left without its files would be
		media().deleteOne(Filters.eq("_id", image.getObjectId("_id")));
		for (Document file : image.getList("files", Document.class)) {
			ObjectId fileId = file.getObjectId("fileId");
			this.cache.remove(fileId);
			deleteQuietly(fileId);
		}
	}

	@Override
	public Optional<ServedMedia> served(String key, String fileName) {
		if (!PublicKeys.looksLikeKey(key) || fileName == null) {
			return Optional.empty();
		}
		Document image = media().find(Filters.eq("key", key)).projection(new Document("files", 1)).first();
		if (image == null) {
			return Optional.empty();
		}
		return image.getList("files", Document.class)
			.stream()
			.filter(file -> fileName.equals(file.getString("name")))
			.findFirst()
			.map(file -> new ServedMedia(file.getString("contentType"), file.getString("sha256"),
					bytes(file.getObjectId("fileId"))));
	}

	private byte[] bytes(ObjectId fileId) {
		byte[] cached = this.cache.get(fileId);
		if (cached != null) {
			return cached;
		}
		try (GridFSDownloadStream download = this.bucket.openDownloadStream(fileId)) {
			byte[] bytes = download.readAllBytes();
			this.cache.put(fileId, bytes);
			return bytes;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private void deleteQuietly(ObjectId fileId) {
		try {
			this.bucket.delete(fileId);
		}
		catch (RuntimeException ex) {
			log.warn("GridFS file {} of the media library could not be deleted; it is never served", fileId, ex);
		}
	}

	private MongoCollection<Document> media() {
		return this.mongo.getCollection(COLLECTION);
	}

}
