/* Placeholder for tests: only the release constants vmbcheck reads. */
#define NTDDI_WIN10_RS1 0x0A000002
#define NTDDI_WIN10_NI  0x0A00000C  /* newest this layout knows */
