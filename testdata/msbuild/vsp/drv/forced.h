/* Forced include of vspdrv.vcxproj (ForcedIncludeFiles). */
#define VSP_PROJECT_SETTINGS 1
