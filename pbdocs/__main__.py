from pbdocs.cli import main

main()
