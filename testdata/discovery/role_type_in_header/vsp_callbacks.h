/* The driver's own header declares its callbacks with their role types. */
#pragma once
#include <vmbuskernelmodeclientlibapi.h>

EVT_VMB_CHANNEL_SAVE_PACKET HeaderDeclaredSave;
EVT_VMB_CHANNEL_RESTORE_PACKET HeaderDeclaredRestore;
