/*
 * guiddef.h as the WDK has it (written for vmbcheck from Microsoft's public
 * documentation of GUID and DEFINE_GUID): a GUID, and DEFINE_GUID declaring
 * one (defining it where INITGUID is defined).
 */
#ifndef GUID_DEFINED
#define GUID_DEFINED
typedef struct _GUID {
    unsigned long  Data1;
    unsigned short Data2;
    unsigned short Data3;
    unsigned char  Data4[8];
} GUID;
typedef GUID *LPGUID;
typedef const GUID *LPCGUID;
#endif

#ifndef FAR
#define FAR
#endif

#undef DEFINE_GUID
#ifdef INITGUID
#define DEFINE_GUID(name, l, w1, w2, b1, b2, b3, b4, b5, b6, b7, b8) \
        EXTERN_C const GUID name \
                = { l, w1, w2, { b1, b2,  b3,  b4,  b5,  b6,  b7,  b8 } }
#else
#define DEFINE_GUID(name, l, w1, w2, b1, b2, b3, b4, b5, b6, b7, b8) \
    EXTERN_C const GUID FAR name
#endif
