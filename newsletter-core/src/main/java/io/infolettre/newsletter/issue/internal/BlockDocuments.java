package io.infolettre.newsletter.issue.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.infolettre.newsletter.rendering.Block;
import io.infolettre.newsletter.rendering.Blocks;
import org.bson.Document;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;
import org.springframework.data.convert.ReadingConverter;
import org.springframework.data.convert.WritingConverter;

/**
 * Blocks are stored as their JSON, flat objects with a {@code type} ({@code {type: "button", label,
 * url}}), not as Spring Data would map the record (a {@code fields} sub-document and empty column
 * lists on every block): the stored shape is the documented one, and a field added to a block type
 * later needs no migration. Read back as saved, without checks: what was valid when saved renders.
 */
@Configuration(proxyBeanMethods = false)
class BlockDocuments {

	@Bean
	BlockToDocument blockToDocument() {
		return new BlockToDocument();
	}

	@Bean
	DocumentToBlock documentToBlock() {
		return new DocumentToBlock();
	}

	@WritingConverter
	static final class BlockToDocument implements Converter<Block, Document> {

		@Override
		public Document convert(Block block) {
			return new Document(Blocks.toJson(block));
		}

	}

	@ReadingConverter
	static final class DocumentToBlock implements Converter<Document, Block> {

		@Override
		public Block convert(Document document) {
			return block(document);
		}

		private static Block block(Map<?, ?> document) {
			var fields = new LinkedHashMap<String, String>();
			document.forEach((name, value) -> {
				if (value != null && !(value instanceof List<?>) && !"type".equals(name)) {
					fields.put(String.valueOf(name), String.valueOf(value));
				}
			});
			Object type = document.get("type");
			return new Block(type == null ? "" : type.toString(), fields, column(document.get("left")),
					column(document.get("right")));
		}

		private static List<Block> column(Object value) {
			var blocks = new ArrayList<Block>();
			if (value instanceof List<?> list) {
				for (Object item : list) {
					if (item instanceof Map<?, ?> map) {
						blocks.add(block(map));
					}
				}
			}
			return blocks;
		}

	}

}
