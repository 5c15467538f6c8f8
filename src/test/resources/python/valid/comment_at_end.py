if True:
    x = 1
    # trailing comment without newline