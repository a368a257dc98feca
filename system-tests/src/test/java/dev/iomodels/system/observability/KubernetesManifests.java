package dev.iomodels.system.observability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.Annotated;
import com.fasterxml.jackson.databind.introspect.JacksonAnnotationIntrospector;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import static dev.iomodels.system.observability.ProjectFiles.list;
import static dev.iomodels.system.observability.ProjectFiles.map;

/**
 * The manifests under {@code k8s/}, built and read as the cluster would read them.
 * <p>
 * <b>Building</b>: kustomize cannot be installed here, so this class builds a
 * kustomization itself, for exactly the features the project's kustomizations use and
 * failing on any other: {@code resources} (files of YAML documents, or directories with a
 * kustomization of their own), {@code namespace} (set on every namespaced resource),
 * {@code configMapGenerator} with {@code files} (each file's name its key), only with
 * {@code generatorOptions.disableNameSuffixHash: true}, and {@code patches} given by
 * {@code path}: strategic merge patches, which merge maps key by key and lists of named
 * items (containers, env, ports, volumes, mounts) by name, and replace other lists.
 * <p>
 * <b>Reading</b>: every resource is read into the fabric8 Kubernetes model, the Java
 * types generated from the Kubernetes API's OpenAPI schema, strictly: an unknown field, a
 * value of the wrong type or an unknown kind fails, where the model on its own would keep
 * an unknown field aside as an additional property.
 */
final class KubernetesManifests {

	/** The kinds the manifests use, by {@code apiVersion/kind}. */
	private static final Map<String, Class<? extends HasMetadata>> KINDS = Map.of("v1/Namespace", Namespace.class,
			"v1/ConfigMap", ConfigMap.class, "v1/Service", Service.class, "apps/v1/Deployment", Deployment.class,
			"batch/v1/Job", Job.class);

	private static final Set<String> CLUSTER_SCOPED = Set.of("Namespace");

	private static final Set<String> KUSTOMIZATION_FIELDS = Set.of("apiVersion", "kind", "namespace", "resources",
			"configMapGenerator", "generatorOptions", "patches");

	private static final ObjectMapper STRICT = JsonMapper.builder()
		.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
		.disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
		// The model's classes collect unknown fields with @JsonAnySetter: without it,
		// an unknown field is an error.
		.annotationIntrospector(new JacksonAnnotationIntrospector() {

			@Override
			public Boolean hasAnySetter(Annotated annotated) {
				return Boolean.FALSE;
			}

		})
		.build();

	private KubernetesManifests() {
	}

	static Path directory() {
		return ProjectFiles.root().resolve("k8s");
	}

	/**
	 * Return what a user applies: an overlay per backend, and the load.
	 * @return the kustomization directories
	 */
	static List<Path> applied() {
		return List.of(directory().resolve("overlays/memory"), directory().resolve("overlays/postgres"),
				directory().resolve("load"));
	}

	/**
	 * Build a kustomization.
	 * @param kustomization its directory
	 * @return its resources, in order
	 */
	static List<Map<String, Object>> build(Path kustomization) {
		Map<String, Object> file = yaml(kustomization.resolve("kustomization.yaml")).getFirst();
		Set<String> unknown = new java.util.TreeSet<>(file.keySet());
		unknown.removeAll(KUSTOMIZATION_FIELDS);
		if (!unknown.isEmpty() || !"Kustomization".equals(file.get("kind"))) {
			throw new IllegalArgumentException(kustomization + ": not built here: " + unknown);
		}
		List<Map<String, Object>> resources = new ArrayList<>();
		for (Object entry : listOrEmpty(file.get("resources"))) {
			Path resource = kustomization.resolve(String.valueOf(entry)).normalize();
			resources.addAll(Files.isDirectory(resource) ? build(resource) : yaml(resource));
		}
		if (file.get("configMapGenerator") != null) {
			Object options = (file.get("generatorOptions") != null)
					? map(file.get("generatorOptions")).get("disableNameSuffixHash") : null;
			if (!Boolean.TRUE.equals(options)) {
				throw new IllegalArgumentException(kustomization + ": name suffix hashes are not built here");
			}
			for (Object generator : list(file.get("configMapGenerator"))) {
				resources.add(configMap(kustomization, map(generator)));
			}
		}
		for (Object patch : listOrEmpty(file.get("patches"))) {
			if (!map(patch).keySet().equals(Set.of("path"))) {
				throw new IllegalArgumentException(kustomization + ": only patches by path are built here: " + patch);
			}
			for (Map<String, Object> document : yaml(kustomization.resolve(String.valueOf(map(patch).get("path"))))) {
				Map<String, Object> target = resources.stream()
					.filter((resource) -> sameObject(resource, document))
					.findFirst()
					.orElseThrow(() -> new IllegalArgumentException(
							kustomization + ": " + map(patch).get("path") + " patches nothing"));
				merge(target, document);
			}
		}
		if (file.get("namespace") != null) {
			for (Map<String, Object> resource : resources) {
				if (!CLUSTER_SCOPED.contains(String.valueOf(resource.get("kind")))) {
					map(resource.get("metadata")).put("namespace", file.get("namespace"));
				}
			}
		}
		return resources;
	}

	/**
	 * Read a resource into the Kubernetes model, strictly.
	 * @param resource the resource as YAML gives it
	 * @return the typed resource
	 * @throws IllegalArgumentException if its kind is unknown, a field is unknown, or a
	 * value has the wrong type
	 */
	static HasMetadata read(Map<String, Object> resource) {
		String kind = resource.get("apiVersion") + "/" + resource.get("kind");
		Class<? extends HasMetadata> type = KINDS.get(kind);
		if (type == null) {
			throw new IllegalArgumentException("Unknown kind " + kind + " (known: " + KINDS.keySet() + ")");
		}
		return STRICT.convertValue(resource, type);
	}

	/**
	 * Return the images that do not come from this repository, in every manifest.
	 * @return image references
	 */
	static List<String> externalImages() {
		List<String> images = new ArrayList<>();
		for (Path kustomization : applied()) {
			for (Map<String, Object> resource : build(kustomization)) {
				collectImages(resource, images);
			}
		}
		return images.stream().filter((image) -> !image.startsWith("io-models/")).distinct().toList();
	}

	private static void collectImages(Object node, List<String> images) {
		if (node instanceof Map<?, ?> fields) {
			fields.forEach((key, value) -> {
				if ("image".equals(key)) {
					images.add(String.valueOf(value));
				}
				else {
					collectImages(value, images);
				}
			});
		}
		else if (node instanceof List<?> items) {
			items.forEach((item) -> collectImages(item, images));
		}
	}

	private static Map<String, Object> configMap(Path kustomization, Map<String, Object> generator) {
		if (!Set.of("name", "files").containsAll(generator.keySet())) {
			throw new IllegalArgumentException(kustomization + ": only files are generated here: " + generator);
		}
		Map<String, Object> data = new LinkedHashMap<>();
		for (Object entry : list(generator.get("files"))) {
			Path file = kustomization.resolve(String.valueOf(entry)).normalize();
			try {
				data.put(file.getFileName().toString(), Files.readString(file));
			}
			catch (IOException ex) {
				throw new UncheckedIOException(kustomization + ": " + entry, ex);
			}
		}
		Map<String, Object> metadata = new LinkedHashMap<>();
		metadata.put("name", generator.get("name"));
		Map<String, Object> configMap = new LinkedHashMap<>();
		configMap.put("apiVersion", "v1");
		configMap.put("kind", "ConfigMap");
		configMap.put("metadata", metadata);
		configMap.put("data", data);
		return configMap;
	}

	private static boolean sameObject(Map<String, Object> resource, Map<String, Object> patch) {
		return resource.get("apiVersion").equals(patch.get("apiVersion"))
				&& resource.get("kind").equals(patch.get("kind"))
				&& map(resource.get("metadata")).get("name").equals(map(patch.get("metadata")).get("name"));
	}

	/**
	 * Merge a strategic merge patch into a resource, in place.
	 */
	@SuppressWarnings("unchecked")
	private static void merge(Map<String, Object> target, Map<String, Object> patch) {
		patch.forEach((key, value) -> {
			Object existing = target.get(key);
			if (existing instanceof Map<?, ?> && value instanceof Map<?, ?>) {
				merge((Map<String, Object>) existing, (Map<String, Object>) value);
			}
			else if (existing instanceof List<?> items && value instanceof List<?> patches && named(items)
					&& named(patches)) {
				List<Object> merged = new ArrayList<>(items);
				for (Object item : patches) {
					Object name = map(item).get("name");
					merged.stream()
						.filter((candidate) -> map(candidate).get("name").equals(name))
						.findFirst()
						.ifPresentOrElse((found) -> merge(map(found), map(item)), () -> merged.add(item));
				}
				target.put(key, merged);
			}
			else {
				target.put(key, value);
			}
		});
	}

	private static boolean named(List<?> items) {
		return items.stream().allMatch((item) -> item instanceof Map<?, ?> fields && fields.get("name") != null);
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> yaml(Path file) {
		try {
			List<Map<String, Object>> documents = new ArrayList<>();
			for (Object document : new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(Files.readString(file))) {
				if (document != null) {
					documents.add((Map<String, Object>) document);
				}
			}
			return documents;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static List<Object> listOrEmpty(Object value) {
		return (value != null) ? list(value) : List.of();
	}

}
