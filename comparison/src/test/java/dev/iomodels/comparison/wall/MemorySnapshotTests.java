package dev.iomodels.comparison.wall;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class MemorySnapshotTests {

	/** The head and tail of {@code jcmd <pid> GC.class_histogram} on JDK 25. */
	private static final String HISTOGRAM = """
			13689:
			 num     #instances         #bytes  class name (module)
			-------------------------------------------------------
			   1:        506141      594439680  [B (java.base@25.0.3)
			   2:         40349      329192472  [C (java.base@25.0.3)
			   3:         20992      186947304  jdk.internal.vm.StackChunk (java.base@25.0.3)
			   4:        341907       16411536  org.apache.tomcat.util.buf.ByteChunk
			4374:             1             16  tools.jackson.databind.util.RecordUtil$$Lambda/0x000000005f639010
			Total       5062948     1300994328
			""";

	/** The head of {@code jcmd <pid> VM.native_memory summary} on JDK 25. */
	private static final String NATIVE_MEMORY = """
			13689:

			Native Memory Tracking:

			(Omitting categories weighting less than 1KB)

			Total: reserved=5788280KB, committed=4452520KB
			       malloc: 61868KB #812040
			       mmap:   reserved=5726412KB, committed=4390652KB

			-                 Java Heap (reserved=4194304KB, committed=4194304KB)
			                            (mmap: reserved=4194304KB, committed=4194304KB)

			-                     Class (reserved=1049462KB, committed=7030KB)
			                            (classes #13201)

			-                    Thread (reserved=39048KB, committed=3032KB)
			                            (threads #38)

			-                        GC (reserved=122105KB, committed=122105KB)
			""";

	private static final String STATUS = """
			Name:	java
			State:	S (sleeping)
			VmRSS:	 2152132 kB
			RssAnon:	 2120000 kB
			Threads:	38
			""";

	private static final String SOCKSTAT = """
			sockets: used 112
			TCP: inuse 51 orphan 0 tw 9221 alloc 103 mem 194
			UDP: inuse 0 mem 0
			""";

	@Test
	void readsTheLiveHeapAndItsLargestClassesFromTheClassHistogram() {
		MemorySnapshot snapshot = MemorySnapshot.parse(HISTOGRAM, NATIVE_MEMORY, STATUS, 10_022, SOCKSTAT);

		assertThat(snapshot.liveHeapBytes()).isEqualTo(1_300_994_328L);
		assertThat(snapshot.topClasses()).hasSize(5)
			.first()
			.isEqualTo(new MemorySnapshot.ClassShare("[B", 506_141, 594_439_680L));
		assertThat(snapshot.topClasses().get(2).name()).isEqualTo("jdk.internal.vm.StackChunk");
		assertThat(snapshot.topClasses().get(3).name()).isEqualTo("org.apache.tomcat.util.buf.ByteChunk");
	}

	@Test
	void readsTheCommittedNativeMemoryInTotalAndByCategory() {
		MemorySnapshot snapshot = MemorySnapshot.parse(HISTOGRAM, NATIVE_MEMORY, STATUS, 10_022, SOCKSTAT);

		assertThat(snapshot.nativeCommittedBytes()).isEqualTo(4_452_520L * 1024);
		assertThat(snapshot.nativeCategories()).containsEntry("Java Heap", 4_194_304L * 1024)
			.containsEntry("Thread", 3_032L * 1024)
			.containsEntry("GC", 122_105L * 1024)
			.hasSize(4);
	}

	@Test
	void readsResidentMemoryThreadsAndDescriptorsFromTheKernel() {
		MemorySnapshot snapshot = MemorySnapshot.parse(HISTOGRAM, NATIVE_MEMORY, STATUS, 10_022, SOCKSTAT);

		assertThat(snapshot.rssBytes()).isEqualTo(2_152_132L * 1024);
		assertThat(snapshot.platformThreads()).isEqualTo(38);
		assertThat(snapshot.openFiles()).isEqualTo(10_022);
		// TCP's memory, not UDP's: 194 pages of 4 KiB.
		assertThat(snapshot.kernelTcpBytes()).isEqualTo(194 * 4096);
	}

	@Test
	void aServiceWithoutNativeMemoryTrackingIsToldToTurnItOn() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> MemorySnapshot.parse(HISTOGRAM, "13689:\nNative memory tracking is not enabled\n", STATUS,
					1, SOCKSTAT))
			.withMessageContaining("-XX:NativeMemoryTracking=summary");
	}

}
