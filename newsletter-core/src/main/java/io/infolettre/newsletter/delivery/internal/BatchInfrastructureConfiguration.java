package io.infolettre.newsletter.delivery.internal;


import org.springframework.batch.core.configuration.BatchConfigurationException;
import org.springframework.batch.core.configuration.support.DefaultBatchConfiguration;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.repository.dao.mongodb.MongoSequenceIncrementer;
import org.springframework.batch.core.repository.support.MongoJobRepositoryFactoryBean;
import org.springframework.batch.infrastructure.support.transaction.ResourcelessTransactionManager;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.convert.MappingMongoConverter;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Spring Batch's job repository in MongoDB, so a failed send can be restarted where it stopped.
 * Without transactions (the embedded server has none): idempotence comes from the ledger's unique
 * index and conditional updates, not from rollbacks.
 */
@Configuration(proxyBeanMethods = false)
class BatchInfrastructureConfiguration extends DefaultBatchConfiguration {

	private static final String[] COLLECTIONS = { "BATCH_JOB_INSTANCE", "BATCH_JOB_EXECUTION", "BATCH_STEP_EXECUTION",
			"BATCH_SEQUENCES" };

	private static final String[] SEQUENCES = { "BATCH_JOB_INSTANCE_SEQ", "BATCH_JOB_EXECUTION_SEQ",
			"BATCH_STEP_EXECUTION_SEQ" };

	private final MongoTemplate mongo;

	BatchInfrastructureConfiguration(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	@Bean
	@Override
	public JobRepository jobRepository() {
		createSchema();
		var factory = new MongoJobRepositoryFactoryBean();
		factory.setMongoOperations(this.mongo);
		factory.setTransactionManager(getTransactionManager());
		factory.setJobInstanceIncrementer(new MongoSequenceIncrementer(this.mongo, SEQUENCES[0]));
		factory.setJobExecutionIncrementer(new MongoSequenceIncrementer(this.mongo, SEQUENCES[1]));
		factory.setStepExecutionIncrementer(new MongoSequenceIncrementer(this.mongo, SEQUENCES[2]));
		try {
			factory.afterPropertiesSet();
			return factory.getObject();
		}
		catch (Exception ex) {
			throw new BatchConfigurationException("Cannot create the MongoDB job repository", ex);
		}
	}

	@Override
	protected PlatformTransactionManager getTransactionManager() {
		return new ResourcelessTransactionManager();
	}

	// Idempotent: safe on every start and on several nodes at once.
	private void createSchema() {
		for (String collection : COLLECTIONS) {
			if (!this.mongo.collectionExists(collection)) {
				try {
					this.mongo.createCollection(collection);
				}
				catch (RuntimeException ex) {
					// created concurrently by another node
				}
			}
		}
		for (String sequence : SEQUENCES) {
			this.mongo.upsert(Query.query(Criteria.where("_id").is(sequence)), new Update().setOnInsert("count", 0L),
					"BATCH_SEQUENCES");
		}
		this.mongo.indexOps("BATCH_JOB_INSTANCE")
			.createIndex(new Index().on("jobName", Sort.Direction.ASC)
				.on("jobKey", Sort.Direction.ASC)
				.unique()
				.named("job_name_key_unique"));
		this.mongo.indexOps("BATCH_JOB_EXECUTION")
			.createIndex(new Index().on("jobInstanceId", Sort.Direction.ASC).named("job_instance"));
		this.mongo.indexOps("BATCH_STEP_EXECUTION")
			.createIndex(new Index().on("jobExecutionId", Sort.Direction.ASC).named("job_execution"));
		// Spring Batch's DAOs find and update by these ids: a step execution after every chunk
		this.mongo.indexOps("BATCH_JOB_INSTANCE")
			.createIndex(new Index().on("jobInstanceId", Sort.Direction.ASC).named("job_instance_id"));
		this.mongo.indexOps("BATCH_JOB_EXECUTION")
			.createIndex(new Index().on("jobExecutionId", Sort.Direction.ASC).named("job_execution_id"));
		this.mongo.indexOps("BATCH_STEP_EXECUTION")
			.createIndex(new Index().on("stepExecutionId", Sort.Direction.ASC).named("step_execution_id"));
	}

	/** Execution-context keys contain dots, which MongoDB field names may not. */
	@Bean
	static BeanPostProcessor mapKeyDotReplacement() {
		return new BeanPostProcessor() {
			@Override
			public Object postProcessBeforeInitialization(Object bean, String beanName) {
				if (bean instanceof MappingMongoConverter converter) {
					converter.setMapKeyDotReplacement("_");
				}
				return bean;
			}
		};
	}


}
