import OpineCLI

OpineMain.main()
