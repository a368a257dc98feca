package dev.iomodels.storage;

import java.util.List;

/**
 * One page of a listing in ascending key order.
 *
 * @param items the entries of this page
 * @param nextCursor the cursor for the next page, or {@code null} if this is the last
 */
public record ObjectPage(List<ListingItem> items, String nextCursor) {

	public ObjectPage {
		items = List.copyOf(items);
	}

}
