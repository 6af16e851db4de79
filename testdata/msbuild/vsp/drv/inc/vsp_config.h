/* Found only through the project's AdditionalIncludeDirectories ($(ProjectDir)inc). */
#pragma once
#define VSP_SAVED_VERSION 2
