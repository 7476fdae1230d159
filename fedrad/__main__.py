from fedrad.cli import main

main()
