package io.infolettre.newsletter.series.internal;

import java.util.List;

import io.infolettre.newsletter.series.Series;

import org.springframework.data.repository.ListCrudRepository;

public interface SeriesRepository extends ListCrudRepository<Series, String> {

	List<Series> findAllByOrderByNameAsc();

	List<Series> findByActiveTrue();

}
