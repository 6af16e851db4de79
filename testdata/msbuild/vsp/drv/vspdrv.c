/*
 * Driver of the vspdrv.vcxproj test project (not an inline-expectation case:
 * MsBuildProjectTest.cpp checks it). It compiles only with the project's
 * settings: the forced include, the define from the imported vsp.props, the
 * include directory $(ProjectDir)inc and the test headers named by
 * Directory.Build.props. Debug defines VSP_UNCHECKED_SAVE: the save callback
 * then writes sizeof(VSP_SAVED_PACKET) bytes without checking SaveBufSize
 * (VMB004); Release checks it (no finding).
 */
#ifndef VSP_PROJECT_SETTINGS
#error "compiled without the project's ForcedIncludeFiles"
#endif
#ifndef VSP_FROM_PROPS
#error "compiled without the PreprocessorDefinitions of the imported vsp.props"
#endif
#include <vmbuskernelmodeclientlibapi.h>
#include "vsp_config.h"

typedef struct _VSP_SAVED_PACKET {
    ULONG Version;
    ULONG Data[4];
} VSP_SAVED_PACKET, *PVSP_SAVED_PACKET;

EVT_VMB_CHANNEL_SAVE_PACKET VspSavePacket;

_Use_decl_annotations_
NTSTATUS
VspSavePacket(VMBCHANNEL Channel, VMBPACKET Packet, PVOID SaveBuf, UINT32 SaveBufSize, PUINT32 BytesNeeded)
{
    PVSP_SAVED_PACKET saved = (PVSP_SAVED_PACKET)SaveBuf;

    UNREFERENCED_PARAMETER(Channel);
    UNREFERENCED_PARAMETER(Packet);

    *BytesNeeded = sizeof(VSP_SAVED_PACKET);
#ifndef VSP_UNCHECKED_SAVE
    if (SaveBufSize < sizeof(VSP_SAVED_PACKET)) {
        return STATUS_BUFFER_TOO_SMALL;
    }
#else
    UNREFERENCED_PARAMETER(SaveBufSize);
#endif
    saved->Version = VSP_SAVED_VERSION;
    RtlZeroMemory(saved->Data, sizeof(saved->Data));
    return STATUS_SUCCESS;
}

/* Called without a declaration (a DDI newer than the headers would be):
   cl.exe compiles C with warning C4013 only, and so does --project. */
VOID
VspCallsAnUndeclaredRoutine(VOID)
{
    VspRoutineDeclaredNowhere(0);
}
