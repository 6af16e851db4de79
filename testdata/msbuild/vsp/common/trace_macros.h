/* WPP configuration read by tracewpp (-scan:, the project's
   WppScanConfigurationData); the driver's sources never include it.
// begin_wpp config
// FUNC TraceLevelOnly(LEVEL, MSG, ...);
// end_wpp
*/
