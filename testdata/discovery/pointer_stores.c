/* Discovery: stored in a PFN_VMB_CHANNEL_SAVE_PACKET - a global variable's
   initializer, a structure initializer (designated), and an assignment to a
   field - or chosen by a conditional expression. Storing into a pointer of
   another type does not count. */
#include <vmbuskernelmodeclientlibapi.h>

typedef struct _VSP_CHANNEL_CALLBACKS {
    PFN_VMB_CHANNEL_SAVE_PACKET Save;
    PFN_VMB_CHANNEL_RESTORE_PACKET Restore;
} VSP_CHANNEL_CALLBACKS, *PVSP_CHANNEL_CALLBACKS;

typedef NTSTATUS (*PVSP_GENERIC_ROUTINE)(VMBCHANNEL, VMBPACKET, PVOID, UINT32, PUINT32);

NTSTATUS GlobalSave(VMBCHANNEL Channel, VMBPACKET Packet, PVOID SaveBuf, UINT32 SaveBufSize, PUINT32 BytesNeeded) // expect-callback: GlobalSave {stored in 'g_DefaultSave'} // expect: VMB005
{
    UNREFERENCED_PARAMETER(Channel);
    UNREFERENCED_PARAMETER(Packet);
    *BytesNeeded = sizeof(ULONG);
    if (SaveBufSize < sizeof(ULONG)) {
        return STATUS_BUFFER_TOO_SMALL;
    }
    *(PULONG)SaveBuf = 1;
    return STATUS_SUCCESS;
}

NTSTATUS TableEntrySave(VMBCHANNEL Channel, VMBPACKET Packet, PVOID SaveBuf, UINT32 SaveBufSize, PUINT32 BytesNeeded) // expect-callback: TableEntrySave {stored in field 'Save'} // expect: VMB005
{
    UNREFERENCED_PARAMETER(Channel);
    UNREFERENCED_PARAMETER(Packet);
    *BytesNeeded = sizeof(ULONG);
    if (SaveBufSize < sizeof(ULONG)) {
        return STATUS_BUFFER_TOO_SMALL;
    }
    *(PULONG)SaveBuf = 1;
    return STATUS_SUCCESS;
}

NTSTATUS FieldSave(VMBCHANNEL Channel, VMBPACKET Packet, PVOID SaveBuf, UINT32 SaveBufSize, PUINT32 BytesNeeded) // expect-callback: FieldSave {stored in 'Callbacks->Save'} // expect: VMB005
{
    UNREFERENCED_PARAMETER(Channel);
    UNREFERENCED_PARAMETER(Packet);
    *BytesNeeded = sizeof(ULONG);
    if (SaveBufSize < sizeof(ULONG)) {
        return STATUS_BUFFER_TOO_SMALL;
    }
    *(PULONG)SaveBuf = 1;
    return STATUS_SUCCESS;
}

NTSTATUS FastSave(VMBCHANNEL Channel, VMBPACKET Packet, PVOID SaveBuf, UINT32 SaveBufSize, PUINT32 BytesNeeded) // expect-callback: FastSave {stored in 'Callbacks->Save'} // expect: VMB005
{
    UNREFERENCED_PARAMETER(Channel);
    UNREFERENCED_PARAMETER(Packet);
    *BytesNeeded = sizeof(ULONG);
    if (SaveBufSize < sizeof(ULONG)) {
        return STATUS_BUFFER_TOO_SMALL;
    }
    *(PULONG)SaveBuf = 1;
    return STATUS_SUCCESS;
}

NTSTATUS GenericRoutine(VMBCHANNEL Channel, VMBPACKET Packet, PVOID SaveBuf, UINT32 SaveBufSize, PUINT32 BytesNeeded)
{
    UNREFERENCED_PARAMETER(Channel);
    UNREFERENCED_PARAMETER(Packet);
    *BytesNeeded = sizeof(ULONG);
    if (SaveBufSize < sizeof(ULONG)) {
        return STATUS_BUFFER_TOO_SMALL;
    }
    *(PULONG)SaveBuf = 1;
    return STATUS_SUCCESS;
}

PFN_VMB_CHANNEL_SAVE_PACKET g_DefaultSave = GlobalSave;
static const VSP_CHANNEL_CALLBACKS g_Table = { .Save = TableEntrySave, .Restore = NULL };
PVSP_GENERIC_ROUTINE g_Generic = GenericRoutine;

VOID
ConfigureCallbacks(PVSP_CHANNEL_CALLBACKS Callbacks, BOOLEAN Fast)
{
    Callbacks->Save = FieldSave;
    Callbacks->Save = Fast ? FastSave : FieldSave;
    UNREFERENCED_PARAMETER(g_Table);
}
