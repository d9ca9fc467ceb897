package io.infolettre.newsletter.subscriber;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** The subscribers, as the rest of the application may read them. */
public interface Subscribers {

	Optional<Subscriber> findById(String id);

	Optional<Subscriber> findByEmail(EmailAddress email);

	/** Loads many subscribers in one query; missing ids are left out. */
	List<Subscriber> findAllById(Collection<String> ids);

	long count();

	/** The names of the lists subscribers belong to, sorted. */
	List<String> listNames();

	/** The first subscribers in id order, for samples and previews. */
	List<Subscriber> firstPage(int size);

}
