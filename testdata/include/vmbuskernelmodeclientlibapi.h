/*
 * vmbuskernelmodeclientlibapi.h - vmbcheck test header: the part of the
 * VMBus Kernel Mode Client Library (KMCL) API that virtualization service
 * providers use to save and restore packets, written for vmbcheck from the
 * public documentation (learn.microsoft.com, "vmbuskernelmodeclientlibapi.h").
 */
#ifndef VMBCHECK_TEST_VMBUSKERNELMODECLIENTLIBAPI_H
#define VMBCHECK_TEST_VMBUSKERNELMODECLIENTLIBAPI_H
#include "wdm.h"
EXTERN_C_START

#define DECLARE_HANDLE(name) struct name##__; typedef struct name##__ *name
DECLARE_HANDLE(VMBCHANNEL);
DECLARE_HANDLE(VMBPACKET);
DECLARE_HANDLE(VMBPACKETCOMPLETION);

/* The save callback: called at PASSIVE_LEVEL for each packet in use, first
   with SaveBufSize == 0 to learn the size in *BytesNeeded. */
typedef
_Function_class_(EVT_VMB_CHANNEL_SAVE_PACKET)
_IRQL_requires_(PASSIVE_LEVEL)
NTSTATUS
EVT_VMB_CHANNEL_SAVE_PACKET(
    _In_ VMBCHANNEL Channel,
    _In_ VMBPACKET Packet,
    _Out_writes_bytes_(SaveBufSize) PVOID SaveBuf,
    _In_ UINT32 SaveBufSize,
    _Out_ PUINT32 BytesNeeded
    );
typedef EVT_VMB_CHANNEL_SAVE_PACKET *PFN_VMB_CHANNEL_SAVE_PACKET;

/* Interface V5: the same contract with the context given at registration
   (VmbServerChannelInitSetSaveRestorePacketCallbacksEx) as second parameter. */
typedef
_Function_class_(EVT_VMB_CHANNEL_SAVE_PACKET_EX)
_IRQL_requires_(PASSIVE_LEVEL)
NTSTATUS
EVT_VMB_CHANNEL_SAVE_PACKET_EX(
    _In_                            VMBCHANNEL          Channel,
    _In_                            PVOID               CallbackContext,
    _In_                            VMBPACKET           Packet,
    _Out_writes_bytes_(SaveBufSize) PVOID               SaveBuf,
    _In_                            UINT32              SaveBufSize,
    _Out_                           PUINT32             BytesNeeded
    );
typedef EVT_VMB_CHANNEL_SAVE_PACKET_EX *PFN_VMB_CHANNEL_SAVE_PACKET_EX;

/* The restore callback receives what the save callback wrote. */
typedef
_Function_class_(EVT_VMB_CHANNEL_RESTORE_PACKET)
_IRQL_requires_(PASSIVE_LEVEL)
NTSTATUS
EVT_VMB_CHANNEL_RESTORE_PACKET(
    _In_ VMBCHANNEL Channel,
    _In_reads_bytes_(LibBufSize) PVOID LibBuf,
    _In_ UINT32 LibBufSize,
    _In_reads_bytes_(SaveBufSize) PVOID SaveBuf,
    _In_ UINT32 SaveBufSize
    );
typedef EVT_VMB_CHANNEL_RESTORE_PACKET *PFN_VMB_CHANNEL_RESTORE_PACKET;

typedef
_Function_class_(EVT_VMB_CHANNEL_RESTORE_PACKET_EX)
_IRQL_requires_(PASSIVE_LEVEL)
NTSTATUS
EVT_VMB_CHANNEL_RESTORE_PACKET_EX(
    _In_                            VMBCHANNEL          Channel,
    _In_                            PVOID               CallbackContext,
    _In_reads_bytes_(LibBufSize)    PVOID               LibBuf,
    _In_                            UINT32              LibBufSize,
    _In_reads_bytes_(SaveBufSize)   PVOID               SaveBuf,
    _In_                            UINT32              SaveBufSize
    );
typedef EVT_VMB_CHANNEL_RESTORE_PACKET_EX *PFN_VMB_CHANNEL_RESTORE_PACKET_EX;

typedef
_Function_class_(EVT_VMB_CHANNEL_PROCESS_PACKET)
_IRQL_requires_max_(DISPATCH_LEVEL)
VOID
EVT_VMB_CHANNEL_PROCESS_PACKET(
    _In_ VMBCHANNEL Channel,
    _In_ VMBPACKETCOMPLETION Packet,
    _In_reads_bytes_(BufferLength) PVOID Buffer,
    _In_ UINT32 BufferLength,
    _In_ UINT32 Flags
    );
typedef EVT_VMB_CHANNEL_PROCESS_PACKET *PFN_VMB_CHANNEL_PROCESS_PACKET;

/* Registration of the save/restore pair on a server channel, during channel
   initialisation. Reached directly or through KMCL_SERVER_ONLY_METHODS. */
typedef
_IRQL_requires_max_(PASSIVE_LEVEL)
NTSTATUS
FN_VMB_SERVER_CHANNEL_INIT_SET_SAVE_RESTORE_PACKET_CALLBACKS(
    _In_ VMBCHANNEL Channel,
    _In_ PFN_VMB_CHANNEL_SAVE_PACKET SavePacket,
    _In_ PFN_VMB_CHANNEL_RESTORE_PACKET RestorePacket
    );
typedef FN_VMB_SERVER_CHANNEL_INIT_SET_SAVE_RESTORE_PACKET_CALLBACKS
    *PFN_VMB_SERVER_CHANNEL_INIT_SET_SAVE_RESTORE_PACKET_CALLBACKS;
FN_VMB_SERVER_CHANNEL_INIT_SET_SAVE_RESTORE_PACKET_CALLBACKS
    VmbServerChannelInitSetSaveRestorePacketCallbacks;

typedef
NTSTATUS
FN_VMB_SERVER_CHANNEL_INIT_SET_SAVE_RESTORE_PACKET_CALLBACKS_EX(
    _In_ VMBCHANNEL Channel,
    _In_opt_ PVOID SaveRestoreContext,
    _In_ PFN_VMB_CHANNEL_SAVE_PACKET_EX SavePacketCallbackEx,
    _In_ PFN_VMB_CHANNEL_RESTORE_PACKET_EX RestorePacketCallbackEx
    );
typedef FN_VMB_SERVER_CHANNEL_INIT_SET_SAVE_RESTORE_PACKET_CALLBACKS_EX
    *PFN_VMB_SERVER_CHANNEL_INIT_SET_SAVE_RESTORE_PACKET_CALLBACKS_EX;
FN_VMB_SERVER_CHANNEL_INIT_SET_SAVE_RESTORE_PACKET_CALLBACKS_EX
    VmbServerChannelInitSetSaveRestorePacketCallbacksEx;

typedef
_IRQL_requires_max_(PASSIVE_LEVEL)
NTSTATUS
FN_VMB_CHANNEL_INIT_SET_PROCESS_PACKET_CALLBACKS(
    _In_ VMBCHANNEL Channel,
    _In_ PFN_VMB_CHANNEL_PROCESS_PACKET ProcessPacket,
    _In_opt_ PVOID ProcessingComplete
    );
typedef FN_VMB_CHANNEL_INIT_SET_PROCESS_PACKET_CALLBACKS *PFN_VMB_CHANNEL_INIT_SET_PROCESS_PACKET_CALLBACKS;
FN_VMB_CHANNEL_INIT_SET_PROCESS_PACKET_CALLBACKS VmbChannelInitSetProcessPacketCallbacks;

typedef
_IRQL_requires_max_(DISPATCH_LEVEL)
PVOID
FN_VMB_CHANNEL_GET_POINTER(_In_ VMBCHANNEL Channel);
typedef FN_VMB_CHANNEL_GET_POINTER *PFN_VMB_CHANNEL_GET_POINTER;
FN_VMB_CHANNEL_GET_POINTER VmbChannelGetPointer;

typedef
_IRQL_requires_max_(DISPATCH_LEVEL)
PVOID
FN_VMB_PACKET_GET_POINTER(_In_ VMBPACKET Packet);
typedef FN_VMB_PACKET_GET_POINTER *PFN_VMB_PACKET_GET_POINTER;
FN_VMB_PACKET_GET_POINTER VmbPacketGetPointer;

typedef
_IRQL_requires_max_(DISPATCH_LEVEL)
VOID
FN_VMB_PACKET_SET_POINTER(_In_ VMBPACKET Packet, _In_ PVOID Pointer);
typedef FN_VMB_PACKET_SET_POINTER *PFN_VMB_PACKET_SET_POINTER;
FN_VMB_PACKET_SET_POINTER VmbPacketSetPointer;

typedef
_IRQL_requires_max_(DISPATCH_LEVEL)
VOID
FN_VMB_CHANNEL_PACKET_COMPLETE(_In_ VMBPACKETCOMPLETION Packet, _In_reads_bytes_opt_(BufferSize) PVOID Buffer,
                               _In_ UINT32 BufferSize);
typedef FN_VMB_CHANNEL_PACKET_COMPLETE *PFN_VMB_CHANNEL_PACKET_COMPLETE;
FN_VMB_CHANNEL_PACKET_COMPLETE VmbChannelPacketComplete;

typedef
_IRQL_requires_max_(PASSIVE_LEVEL)
NTSTATUS
FN_VMB_CHANNEL_ENABLE(_In_ VMBCHANNEL Channel);
typedef FN_VMB_CHANNEL_ENABLE *PFN_VMB_CHANNEL_ENABLE;
FN_VMB_CHANNEL_ENABLE VmbChannelEnable;

/* The server-only method table of the KMCL interface (the part of it that
   registers the save/restore callbacks). As in the WDK, there is no pointer
   typedef for it. */
typedef struct _KMCL_SERVER_ONLY_METHODS {
    PFN_VMB_SERVER_CHANNEL_INIT_SET_SAVE_RESTORE_PACKET_CALLBACKS VmbServerChannelInitSetSaveRestorePacketCallbacks;
    PFN_VMB_CHANNEL_ENABLE VmbChannelEnable;
} KMCL_SERVER_ONLY_METHODS;

/* Interface V5 extends the table: by inheritance in C++, by an anonymous
   member (a Microsoft extension) in C. */
#ifdef __cplusplus
typedef struct _KMCL_SERVER_ONLY_METHODS_V5 : KMCL_SERVER_ONLY_METHODS {
#else
typedef struct _KMCL_SERVER_ONLY_METHODS_V5 {
    KMCL_SERVER_ONLY_METHODS;
#endif
    PFN_VMB_SERVER_CHANNEL_INIT_SET_SAVE_RESTORE_PACKET_CALLBACKS_EX VmbServerChannelInitSetSaveRestorePacketCallbacksEx;
} KMCL_SERVER_ONLY_METHODS_V5, *PKMCL_SERVER_ONLY_METHODS_V5;

EXTERN_C_END
#endif /* VMBCHECK_TEST_VMBUSKERNELMODECLIENTLIBAPI_H */
