using KetamineFaqBot.Cli;

return await KfaqApp.RunAsync(args, Console.Out, Console.Error);
