/* The driver header declares both callbacks with their role types. */
#pragma once
#include <vmbuskernelmodeclientlibapi.h>

EVT_VMB_CHANNEL_SAVE_PACKET HeaderSave;
EVT_VMB_CHANNEL_RESTORE_PACKET HeaderRestore;
