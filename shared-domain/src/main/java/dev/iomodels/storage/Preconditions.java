package dev.iomodels.storage;

import java.util.List;

/**
 * The conditional headers of one request, evaluated in the order RFC 9110 §13.2.2 gives:
 * {@code If-Match} first, then {@code If-None-Match}. The storage engine evaluates them
 * against the current object inside its atomic update, which is what makes a conditional
 * write safe against a concurrent one.
 *
 * @param ifMatch the parsed {@code If-Match}, or {@code null}
 * @param ifNoneMatch the parsed {@code If-None-Match}, or {@code null}
 */
public record Preconditions(EntityTagList ifMatch, EntityTagList ifNoneMatch) {

	/** No conditional headers: every write and read goes ahead. */
	public static final Preconditions NONE = new Preconditions(null, null);

	/** {@code If-None-Match: *}: create only. */
	public static final Preconditions CREATE_ONLY = new Preconditions(null, new EntityTagList(true, List.of()));

	/**
	 * Parse the conditional headers of a request.
	 * @param ifMatch every value of {@code If-Match}, possibly empty
	 * @param ifNoneMatch every value of {@code If-None-Match}, possibly empty
	 * @return the preconditions
	 * @throws ProblemException of type {@link ProblemType#INVALID_HEADER} if a header is
	 * malformed
	 */
	public static Preconditions parse(List<String> ifMatch, List<String> ifNoneMatch) {
		EntityTagList match = EntityTagList.parse("If-Match", ifMatch);
		EntityTagList noneMatch = EntityTagList.parse("If-None-Match", ifNoneMatch);
		return (match == null && noneMatch == null) ? NONE : new Preconditions(match, noneMatch);
	}

	/**
	 * Return preconditions that require the object's current ETag, as {@code If-Match}.
	 * @param etag the quoted strong ETag
	 * @return the preconditions
	 */
	public static Preconditions ifMatch(String etag) {
		return new Preconditions(new EntityTagList(false, List.of(etag)), null);
	}

	/**
	 * Check a write (PUT, DELETE) against the current object.
	 * @param currentEtag the current ETag, or {@code null} if the key is absent
	 * @throws ProblemException of type {@link ProblemType#PRECONDITION_FAILED} if a
	 * precondition does not hold
	 */
	public void checkWrite(String currentEtag) {
		if (this.ifMatch != null && !this.ifMatch.matchesStrongly(currentEtag)) {
			throw new ProblemException(ProblemType.PRECONDITION_FAILED,
					(currentEtag != null) ? "If-Match does not match the current ETag."
							: "If-Match was given but the object does not exist.");
		}
		if (this.ifNoneMatch != null && this.ifNoneMatch.matchesWeakly(currentEtag)) {
			throw new ProblemException(ProblemType.PRECONDITION_FAILED,
					this.ifNoneMatch.any() ? "If-None-Match: * was given but the object already exists."
							: "If-None-Match matches the current ETag.");
		}
	}

	/**
	 * Check a read (GET, HEAD) of an existing object.
	 * @param currentEtag the object's ETag
	 * @return {@code true} if the client's copy is current and the answer is 304
	 * @throws ProblemException of type {@link ProblemType#PRECONDITION_FAILED} if
	 * {@code If-Match} does not hold
	 */
	public boolean notModified(String currentEtag) {
		if (this.ifMatch != null && !this.ifMatch.matchesStrongly(currentEtag)) {
			throw new ProblemException(ProblemType.PRECONDITION_FAILED, "If-Match does not match the current ETag.");
		}
		return this.ifNoneMatch != null && this.ifNoneMatch.matchesWeakly(currentEtag);
	}

}
